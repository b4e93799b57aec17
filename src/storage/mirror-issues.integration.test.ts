import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStorage } from '../../test/support/storage.ts';
import type { Storage } from './connect.ts';
import { deleteIntegration, insertIntegration } from './integrations.ts';
import { writeIssueBatch } from './mirror-batch.ts';
import { listComments, replaceComments } from './mirror-comments.ts';
import { findIssueByKey, listAllIssueRows, listIssueRows } from './mirror-issue-queries.ts';
import { deleteIssuesInRange, upsertIssues } from './mirror-issues.ts';
import type { NewIssueRow } from './mirror-schema.ts';
import type { IntegrationRow } from './schema.ts';
import { findSyncState, saveSyncState } from './sync-state.ts';

const AT = '2026-11-23T09:00:00.000Z';

function integration(id: string): IntegrationRow {
  return {
    id,
    type: 'jira',
    name: id,
    site_url: 'https://example.atlassian.net',
    allow_insecure_http: 0,
    auth_type: 'cloud_token',
    email: 'a@example.com',
    username: null,
    secret_ciphertext: null,
    token_hint: null,
    deployment: 'cloud',
    status: 'connected',
    error_json: null,
    account_json: null,
    deployment_info_json: null,
    access_json: null,
    checks_json: '[]',
    settings_version: 1,
    consecutive_failures: 0,
    last_verified_at: null,
    next_check_at: null,
    created_by: null,
    created_at: AT,
    updated_at: AT,
  };
}

function issue(id: number, key: string, updated: string, summary = 'first'): NewIssueRow {
  return {
    integration_id: 'i1',
    jira_id: String(id),
    id_num: id,
    key,
    project_key: key.split('-')[0] ?? '',
    summary,
    status: 'To Do',
    status_category: 'new',
    issue_type: 'Task',
    priority: null,
    assignee_id: null,
    assignee_name: null,
    reporter_id: null,
    reporter_name: null,
    labels_json: '[]',
    created: AT,
    updated,
    fields_json: '{}',
    synced_at: AT,
  };
}

describe.each(DIALECTS)('mirror issues on %s', (dialect) => {
  let storage: Storage;
  beforeEach(async () => {
    storage = await createTestStorage(dialect);
    await insertIntegration(storage.db, integration('i1'));
  });
  afterEach(async () => {
    await storage.close();
  });

  it('never overwrites a newer issue with an older one, and keeps old keys', async () => {
    const { db } = storage;
    await db.transaction().execute(async (trx) => {
      expect(await upsertIssues(trx, [issue(10, 'A-1', '2026-11-23T10:00:00.000Z')])).toEqual(
        new Set(['10']),
      );
      // One statement, one stale row and one new: only the new one is written and reported.
      const mixed = await upsertIssues(trx, [
        issue(10, 'A-1', '2026-11-23T09:00:00.000Z', 'old'),
        issue(11, 'A-2', '2026-11-23T09:00:00.000Z'),
      ]);
      expect(mixed).toEqual(new Set(['11']));
      expect(
        await upsertIssues(trx, [issue(10, 'B-7', '2026-11-23T11:00:00.000Z', 'moved')]),
      ).toEqual(new Set(['10']));
      await trx.deleteFrom('jira_issue_keys').where('issue_id', '=', '11').execute();
      await trx.deleteFrom('jira_issues').where('jira_id', '=', '11').execute();
    });
    const rows = await listAllIssueRows(db, 'i1');
    expect(rows.map((r) => [r.key, r.summary])).toEqual([['B-7', 'moved']]);
    expect((await findIssueByKey(db, 'i1', 'A-1'))?.jira_id).toBe('10');
    expect((await findIssueByKey(db, 'i1', 'B-7'))?.jira_id).toBe('10');
  });

  it('deletes what a listed id range no longer holds', async () => {
    const { db } = storage;
    await db.transaction().execute(async (trx) => {
      await upsertIssues(
        trx,
        [1, 2, 3, 4, 5].map((id) => issue(id, `A-${id}`, AT)),
      );
      await replaceComments(trx, 'i1', [
        {
          issueId: '2',
          comments: [
            {
              jira_id: '1',
              position: 0,
              author_id: null,
              created: AT,
              updated: AT,
              data_json: '{}',
            },
          ],
        },
      ]);
      const listedAt = '2026-11-23T12:00:00.000Z';
      expect(
        await deleteIssuesInRange(trx, 'i1', { after: 1, upTo: 4 }, new Set(['3']), listedAt),
      ).toBe(2);
    });
    expect((await listAllIssueRows(db, 'i1')).map((r) => r.id_num)).toEqual([1, 3, 5]);
    expect(await listComments(db, 'i1', '2')).toEqual([]);
    expect(await findIssueByKey(db, 'i1', 'A-2')).toBeUndefined();
  });

  it('keeps issues stored after the listing was asked for, which it cannot tell about', async () => {
    const { db } = storage;
    const listedAt = '2026-11-23T12:00:00.000Z';
    const stored = (id: number, syncedAt: string) => ({
      ...issue(id, `A-${id}`, AT),
      synced_at: syncedAt,
    });
    await db.transaction().execute(async (trx) => {
      await upsertIssues(trx, [
        stored(1, '2026-11-23T11:59:59.999Z'),
        // Created through OwlHub (or told by a webhook) while the listing was under way.
        stored(2, listedAt),
        stored(3, '2026-11-23T11:00:00.000Z'),
        stored(4, '2026-11-23T12:00:01.000Z'),
      ]);
    });
    await writeIssueBatch(db, {
      integrationId: 'i1',
      at: listedAt,
      issues: [],
      users: [],
      listedRange: { after: 0, upTo: 2, ids: new Set(), listedAt },
      deleted: { ids: ['3', '4'], listedAt },
    });
    expect((await listAllIssueRows(db, 'i1')).map((r) => r.id_num)).toEqual([2, 4]);
    // A webhook saying an issue was deleted is believed whatever the issue's age.
    await writeIssueBatch(db, {
      integrationId: 'i1',
      at: listedAt,
      issues: [],
      users: [],
      deleted: { ids: ['4'] },
    });
    expect((await listAllIssueRows(db, 'i1')).map((r) => r.id_num)).toEqual([2]);
  });

  it('pages issues newest first by cursor, with filters', async () => {
    const { db } = storage;
    await db.transaction().execute(async (trx) => {
      await upsertIssues(
        trx,
        [1, 2, 3].map((id) => issue(id, `A-${id}`, `2026-11-23T0${id}:00:00.000Z`, `word ${id}`)),
      );
    });
    const first = await listIssueRows(db, 'i1', {}, { limit: 2 });
    expect(first.map((r) => r.key)).toEqual(['A-3', 'A-2']);
    const last = first[1];
    if (last === undefined) throw new Error('no row');
    const second = await listIssueRows(
      db,
      'i1',
      {},
      { after: { updated: last.updated, id: last.jira_id }, limit: 2 },
    );
    expect(second.map((r) => r.key)).toEqual(['A-1']);
  });

  it('deletes the mirror with its integration', async () => {
    const { db } = storage;
    await db.transaction().execute(async (trx) => {
      await upsertIssues(trx, [issue(1, 'A-1', AT)]);
      await replaceComments(trx, 'i1', [
        {
          issueId: '1',
          comments: [
            {
              jira_id: '1',
              position: 0,
              author_id: null,
              created: AT,
              updated: AT,
              data_json: '{}',
            },
          ],
        },
      ]);
    });
    await saveSyncState(db, 'i1', { cursor: AT, updated_at: AT });
    expect(await deleteIntegration(db, 'i1')).toBe(true);
    expect(await listAllIssueRows(db, 'i1')).toEqual([]);
    expect(await listComments(db, 'i1', '1')).toEqual([]);
    expect(await findSyncState(db, 'i1')).toBeUndefined();
    const keys = await db.selectFrom('jira_issue_keys').selectAll().execute();
    expect(keys).toEqual([]);
  });
});
