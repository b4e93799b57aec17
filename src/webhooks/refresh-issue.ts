import type { JiraClient, JiraComment, JiraError } from '../jira/index.ts';
import { paginateComments } from '../jira/index.ts';
import { writeIssueBatch } from '../storage/mirror-batch.ts';
import type { Database } from '../storage/schema.ts';
import { issueToRecord } from '../sync/issue-row.ts';
import type { Kysely } from 'kysely';

/** What refreshing one issue did to the mirror. */
export type RefreshOutcome =
  | { kind: 'written' }
  | { kind: 'stale' }
  | { kind: 'deleted' }
  | { kind: 'unreadable'; path: string }
  | { kind: 'failed'; error: JiraError };

/** Removes an issue (with its comments and key history) from the mirror. */
export async function deleteMirroredIssue(
  db: Kysely<Database>,
  integrationId: string,
  issueId: string,
  at: string,
): Promise<RefreshOutcome> {
  await writeIssueBatch(db, {
    integrationId,
    at,
    issues: [],
    users: [],
    deleted: { ids: [issueId] },
  });
  return { kind: 'deleted' };
}

/**
 * Fetches an issue and all its comments from Jira and stores them through the sync's write path,
 * which never replaces a newer version with an older one; an issue Jira no longer has is deleted.
 */
export async function refreshIssue(
  db: Kysely<Database>,
  client: JiraClient,
  integrationId: string,
  issueId: string,
  at: string,
): Promise<RefreshOutcome> {
  const issue = await client.getIssue(issueId, { fields: ['*all'] });
  if (!issue.ok) {
    if (issue.error.kind === 'not_found')
      return deleteMirroredIssue(db, integrationId, issueId, at);
    return { kind: 'failed', error: issue.error };
  }
  const comments: JiraComment[] = [];
  for await (const page of paginateComments(client, issueId)) {
    if (!page.ok) {
      if (page.error.kind === 'not_found')
        return deleteMirroredIssue(db, integrationId, issueId, at);
      return { kind: 'failed', error: page.error };
    }
    comments.push(...page.items);
  }
  const record = issueToRecord(integrationId, issue.value, comments, at);
  if (!record.ok) return { kind: 'unreadable', path: record.error.path };
  const { row, comments: rows, terms, users } = record.value;
  const result = await writeIssueBatch(db, {
    integrationId,
    at,
    issues: [{ row, comments: rows, terms }],
    users,
  });
  return { kind: result.written > 0 ? 'written' : 'stale' };
}
