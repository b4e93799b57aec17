import type { Kysely, Transaction } from 'kysely';
import type { CommentRow } from './mirror-schema.ts';
import { runReused } from './reused-statement.ts';
import type { Database } from './schema.ts';

/** A comment to store; `position` is its place in Jira's order. */
export type NewComment = Omit<CommentRow, 'integration_id' | 'issue_id'>;

/** Comments per multi-row insert (9 columns each, far below the bind limits). */
const ROWS_PER_STATEMENT = 500;
/** Issue ids per `IN (...)` list. */
const IDS_PER_STATEMENT = 500;

/** Replaces every comment of the given issues: comments deleted in Jira go too. */
export async function replaceComments(
  trx: Transaction<Database>,
  integrationId: string,
  issues: readonly { issueId: string; comments: readonly NewComment[] }[],
): Promise<void> {
  for (let i = 0; i < issues.length; i += IDS_PER_STATEMENT) {
    await trx
      .deleteFrom('jira_comments')
      .where('integration_id', '=', integrationId)
      .where(
        'issue_id',
        'in',
        issues.slice(i, i + IDS_PER_STATEMENT).map((issue) => issue.issueId),
      )
      .execute();
  }
  const rows = issues.flatMap(({ issueId, comments }) =>
    comments.map((c) => ({ ...c, integration_id: integrationId, issue_id: issueId })),
  );
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
    await runReused(trx, 'insert comments', rows.slice(i, i + ROWS_PER_STATEMENT), (some) =>
      trx.insertInto('jira_comments').values([...some]),
    );
}

/** The comments of an issue in Jira's order. */
export async function listComments(
  db: Kysely<Database>,
  integrationId: string,
  issueId: string,
): Promise<CommentRow[]> {
  return db
    .selectFrom('jira_comments')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .where('issue_id', '=', issueId)
    .orderBy('position')
    .execute();
}
