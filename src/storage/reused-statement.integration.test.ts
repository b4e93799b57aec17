import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStorage } from '../../test/support/storage.ts';
import type { Storage } from './connect.ts';
import { insertIntegration } from './integrations.ts';
import { runReused } from './reused-statement.ts';
import { integrationRow } from './testing/search-fixtures.ts';

interface User {
  integration_id: string;
  user_key: string;
  display_name: string | null | undefined;
  data_json: string;
  seen_at: string;
}

const user = (key: string, name?: string | null): User => ({
  integration_id: 'i1',
  user_key: key,
  display_name: name,
  data_json: '{}',
  seen_at: '2026-11-23T00:00:00.000Z',
});

describe.each(DIALECTS)('runReused on %s', (dialect) => {
  let storage: Storage;
  beforeEach(async () => {
    storage = await createTestStorage(dialect);
    await insertIntegration(storage.db, integrationRow('i1'));
  });
  afterEach(async () => {
    await storage.close();
  });

  it('builds a statement once per shape and binds each call its own values', async () => {
    const { db } = storage;
    let builds = 0;
    const insert = (rows: readonly User[]) =>
      runReused(db, `users ${dialect}`, rows, (some) => {
        builds++;
        return db
          .insertInto('jira_users')
          .values([...some])
          .returning('user_key');
      });
    expect(await insert([user('a', 'Ada'), user('b', 'Bo')])).toEqual([
      { user_key: 'a' },
      { user_key: 'b' },
    ]);
    expect(await insert([user('c', 'Cy'), user('d', null)])).toEqual([
      { user_key: 'c' },
      { user_key: 'd' },
    ]);
    expect(builds).toBe(1);
    await insert([user('e', 'Eve')]);
    expect(builds).toBe(2);
    const stored = await db
      .selectFrom('jira_users')
      .select(['user_key', 'display_name'])
      .orderBy('user_key')
      .execute();
    expect(stored).toEqual([
      { user_key: 'a', display_name: 'Ada' },
      { user_key: 'b', display_name: 'Bo' },
      { user_key: 'c', display_name: 'Cy' },
      { user_key: 'd', display_name: null },
      { user_key: 'e', display_name: 'Eve' },
    ]);
  });

  it('leaves rows with an undefined value to Kysely every time', async () => {
    const { db } = storage;
    let builds = 0;
    const insert = (rows: readonly User[]) =>
      runReused(db, `partial users ${dialect}`, rows, (some) => {
        builds++;
        return db.insertInto('jira_users').values([...some]);
      });
    await insert([user('a'), user('b', 'Bo')]);
    await insert([user('c'), user('d', 'Di')]);
    expect(builds).toBe(2);
    expect(
      await db.selectFrom('jira_users').select('display_name').orderBy('user_key').execute(),
    ).toEqual([
      { display_name: null },
      { display_name: 'Bo' },
      { display_name: null },
      { display_name: 'Di' },
    ]);
  });
});
