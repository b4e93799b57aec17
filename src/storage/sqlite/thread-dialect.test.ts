import { mkdirSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/storage.ts';
import type { TestDatabase } from '../../../test/support/storage.ts';
import type { Storage } from '../connect.ts';
import { openStorage } from '../connect.ts';

describe('SQLite on its connection thread', () => {
  let database: TestDatabase;
  let storage: Storage;
  afterEach(async () => {
    await storage.close();
    await database.drop();
  });

  async function open(): Promise<Storage> {
    database = await createTestDatabase('sqlite');
    storage = openStorage(database.target);
    await sql`create table t (n integer primary key)`.execute(storage.db);
    return storage;
  }

  it("rejects a failing statement with SQLite's message and code, and carries on", async () => {
    const { db } = await open();
    await sql`insert into t (n) values (1)`.execute(db);
    await expect(sql`insert into t (n) values (1)`.execute(db)).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_PRIMARYKEY',
      message: expect.stringContaining('UNIQUE constraint failed: t.n'),
    });
    const { rows } = await sql<{ count: number }>`select count(*) as count from t`.execute(db);
    expect(rows).toEqual([{ count: 1 }]);
  });

  it('rolls back a transaction that throws, and reports affected rows and ids', async () => {
    const { db } = await open();
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`insert into t (n) values (5)`.execute(trx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const inserted = await sql`insert into t (n) values (7)`.execute(db);
    expect(inserted).toMatchObject({ numAffectedRows: 1n, insertId: 7n });
    const { rows } = await sql<{ n: number }>`select n from t`.execute(db);
    expect(rows).toEqual([{ n: 7 }]);
  });

  it('answers every query with the reason when the file cannot be opened, and closes', async () => {
    database = await createTestDatabase('sqlite');
    const { target } = database;
    if (target.dialect !== 'sqlite') throw new Error('expected SQLite');
    // A folder where the file should be.
    mkdirSync(target.path, { recursive: true });
    storage = openStorage(target);
    await expect(sql`select 1`.execute(storage.db)).rejects.toThrow(/unable to open database/);
    await expect(sql`select 1`.execute(storage.db)).rejects.toThrow(/unable to open database/);
  });

  it('makes a query wait while a transaction holds the connection', async () => {
    const { db } = await open();
    const order: string[] = [];
    let inTransaction!: () => void;
    const started = new Promise<void>((resolve) => (inTransaction = resolve));
    const writing = db.transaction().execute(async (trx) => {
      await sql`insert into t (n) values (1)`.execute(trx);
      inTransaction();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await sql`insert into t (n) values (2)`.execute(trx);
      order.push('committed');
    });
    await started;
    const reading = sql<{ count: number }>`select count(*) as count from t`
      .execute(db)
      .then(({ rows }) => {
        order.push('read');
        return rows;
      });
    await writing;
    expect(await reading).toEqual([{ count: 2 }]);
    expect(order).toEqual(['committed', 'read']);
  });
});
