import { existsSync, statSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/storage.ts';
import type { TestDatabase } from '../../../test/support/storage.ts';
import { waitFor } from '../../../test/support/wait.ts';
import type { Storage } from '../connect.ts';
import { openStorage } from '../connect.ts';
import { WRITER_AUTOCHECKPOINT_PAGES } from './wal-checkpointer.ts';

describe('the WAL checkpointer', () => {
  let database: TestDatabase;
  let storage: Storage | undefined;
  afterEach(async () => {
    await storage?.close();
    await database.drop();
  });

  it('copies committed pages into the database file while the writer never reaches its own threshold', async () => {
    database = await createTestDatabase('sqlite');
    const { target } = database;
    if (target.dialect !== 'sqlite') throw new Error('expected SQLite');
    storage = openStorage(target);
    const { db } = storage;
    await sql`create table filler (body text not null)`.execute(db);
    // About 2,000 pages: twice SQLite's default threshold, far below the writer's own.
    expect(WRITER_AUTOCHECKPOINT_PAGES).toBeGreaterThan(4 * 2000);
    const body = 'x'.repeat(4000);
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 2000; i++) await sql`insert into filler values (${body})`.execute(trx);
    });
    // Until a checkpoint runs the rows are in the WAL only and the database file stays small.
    expect(statSync(target.path).size).toBeLessThan(1_000_000);
    await waitFor(
      () => Promise.resolve(statSync(target.path).size),
      (size) => size > 8_000_000,
      5000,
    );
  });

  it('closes its connection before the storage closes, so that the last close removes the WAL', async () => {
    database = await createTestDatabase('sqlite');
    const { target } = database;
    if (target.dialect !== 'sqlite') throw new Error('expected SQLite');
    storage = openStorage(target);
    await sql`create table t (n integer)`.execute(storage.db);
    expect(existsSync(`${target.path}-wal`)).toBe(true);
    await storage.close();
    storage = undefined;
    expect(existsSync(`${target.path}-wal`)).toBe(false);
  });
});
