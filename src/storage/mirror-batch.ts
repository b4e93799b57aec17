import type { Kysely } from 'kysely';
import type { NewComment } from './mirror-comments.ts';
import { replaceComments } from './mirror-comments.ts';
import { indexIssues } from './issue-search.ts';
import { deleteIssues, deleteIssuesInRange, storedBefore, upsertIssues } from './mirror-issues.ts';
import type { NewIssueRow } from './mirror-schema.ts';
import type { SeenUser } from './mirror-users.ts';
import { upsertSeenUsers } from './mirror-users.ts';
import type { Database } from './schema.ts';
import { updateSyncRun } from './sync-runs.ts';
import { saveSyncState } from './sync-state.ts';

/** One unit of sync work, written in one transaction with the progress that covers it. */
export interface IssueBatch {
  integrationId: string;
  at: string;
  /** Each issue's search words, when the writer made them from the parsed issue (see IndexedIssue). */
  issues: { row: NewIssueRow; comments: NewComment[]; terms?: string }[];
  users: SeenUser[];
  /**
   * An id range the batch listed completely: other mirrored issues in it are gone from Jira, but
   * for those stored since `listedAt`, when the listing was asked for (by a webhook or an action:
   * newer than the listing, which cannot tell about them).
   */
  listedRange?: { after: number; upTo: number | null; ids: ReadonlySet<string>; listedAt: string };
  /**
   * Issues gone from Jira: all of them (a webhook said so), or, with `listedAt`, those stored
   * before the listing that no longer held them was asked for.
   */
  deleted?: { ids: readonly string[]; listedAt?: string };
  /** The sync state after this batch (checkpoint and/or cursor). */
  state?: { checkpoint_json?: string | null; cursor?: string | null; last_full_at?: string };
  /** The run's progress after this batch, from what the batch changed. */
  run?: { id: string; progress: (result: BatchResult) => { done: number; counts_json: string } };
}

/** What a batch changed. */
export interface BatchResult {
  written: number;
  /** Issues skipped because the mirror already held a newer version. */
  stale: number;
  deleted: number;
}

/** Writes a batch atomically: a process killed at any moment leaves all of it or none of it. */
export async function writeIssueBatch(
  db: Kysely<Database>,
  batch: IssueBatch,
): Promise<BatchResult> {
  return db.transaction().execute(async (trx) => {
    let deleted = 0;
    const issues = latestOfEach(batch.issues);
    const written = await upsertIssues(
      trx,
      issues.map((issue) => issue.row),
    );
    const toStore = issues.filter(({ row }) => written.has(row.jira_id));
    await replaceComments(
      trx,
      batch.integrationId,
      toStore.map(({ row, comments }) => ({ issueId: row.jira_id, comments })),
    );
    await indexIssues(trx, batch.integrationId, toStore);
    if (batch.users.length > 0)
      await upsertSeenUsers(trx, batch.integrationId, batch.users, batch.at);
    if (batch.listedRange !== undefined) {
      const { ids, listedAt, ...range } = batch.listedRange;
      deleted += await deleteIssuesInRange(trx, batch.integrationId, range, ids, listedAt);
    }
    if (batch.deleted !== undefined && batch.deleted.ids.length > 0) {
      const { ids, listedAt } = batch.deleted;
      const gone =
        listedAt === undefined ? ids : await storedBefore(trx, batch.integrationId, ids, listedAt);
      if (gone.length > 0) deleted += await deleteIssues(trx, batch.integrationId, gone);
    }
    if (batch.state !== undefined)
      await saveSyncState(trx, batch.integrationId, { ...batch.state, updated_at: batch.at });
    const result = { written: written.size, stale: batch.issues.length - written.size, deleted };
    if (batch.run !== undefined) await updateSyncRun(trx, batch.run.id, batch.run.progress(result));
    return result;
  });
}

/**
 * One entry per issue, the latest `updated` winning (on a tie the later entry): a multi-row upsert
 * may not touch a row twice, and a batch that met an issue twice must store its newest version.
 */
function latestOfEach(issues: IssueBatch['issues']): IssueBatch['issues'] {
  const byId = new Map<string, IssueBatch['issues'][number]>();
  for (const issue of issues) {
    const held = byId.get(issue.row.jira_id);
    if (held === undefined || held.row.updated <= issue.row.updated)
      byId.set(issue.row.jira_id, issue);
  }
  return byId.size === issues.length ? issues : [...byId.values()];
}
