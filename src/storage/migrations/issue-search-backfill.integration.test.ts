import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase } from '../../../test/support/storage.ts';
import type { TestDatabase } from '../../../test/support/storage.ts';
import type { Storage } from '../connect.ts';
import { openStorage } from '../connect.ts';
import { insertIntegration } from '../integrations.ts';
import { migrateToLatest } from '../migrate.ts';
import { listIssueRows } from '../mirror-issue-queries.ts';
import { integrationRow, searchableIssue } from '../testing/search-fixtures.ts';
import { migrations } from './index.ts';

describe.each(DIALECTS)('migration 0005 on %s', (dialect) => {
  let database: TestDatabase;
  let storage: Storage;
  afterEach(async () => {
    await storage.close();
    await database.drop();
  });

  it('indexes the issues and comments mirrored before it', async () => {
    database = await createTestDatabase(dialect);
    storage = openStorage(database.target);
    const { db } = storage;
    const migrator = new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
    });
    const before = await migrator.migrateTo('2026-11-23-0004-mirror');
    expect(before.error).toBeUndefined();
    await insertIntegration(db, integrationRow('i1'));
    // More issues than one backfill batch, so that the batches chain.
    const rows = Array.from({ length: 1_203 }, (_, i) =>
      searchableIssue(i + 1, `OLD-${i + 1}`, '05', {
        summary: i === 700 ? 'Needle in the haystack' : 'hay',
        description:
          i === 1_202
            ? { type: 'doc', version: 1, content: [{ type: 'text', text: 'last one' }] }
            : null,
      }),
    );
    for (let i = 0; i < rows.length; i += 200) {
      await db
        .insertInto('jira_issues')
        .values(rows.slice(i, i + 200))
        .execute();
    }
    await db
      .insertInto('jira_comments')
      .values({
        integration_id: 'i1',
        issue_id: '3',
        jira_id: '1',
        position: 0,
        author_id: null,
        created: null,
        updated: null,
        data_json: JSON.stringify({ body: 'a *wiki* comment' }),
      })
      .execute();

    const after = await migrateToLatest(db);
    if (after.error !== undefined) throw after.error;
    const search = async (q: string) =>
      (await listIssueRows(db, 'i1', { q }, { limit: 10 })).map((row) => row.key);
    expect(await search('needle')).toEqual(['OLD-701']);
    expect(await search('last')).toEqual(['OLD-1203']);
    expect(await search('wiki comment')).toEqual(['OLD-3']);
    expect(await db.selectFrom('jira_issue_search').select('issue_id').execute()).toHaveLength(
      1_203,
    );
  });
});
