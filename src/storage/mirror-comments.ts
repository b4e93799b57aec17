import type { Kysely, Transaction } from 'kysely';
import type { CommentRow } from './mirror-schema.ts';
import type { Database } from './schema.ts';

/** A comment to store; `position` is its place in Jira's order. */
export type NewComment = Omit<CommentRow, 'integration_id' | 'issue_id'>;

/** Replaces every comment of an issue: comments deleted in Jira go too. */
export async function replaceComments(
  trx: Transaction<Database>,
  integrationId: string,
  issueId: string,
  comments: readonly NewComment[],
): Promise<void> {
  await trx
    .deleteFrom('jira_comments')
    .where('integration_id', '=', integrationId)
    .where('issue_id', '=', issueId)
    .execute();
  for (let i = 0; i < comments.length; i += 200) {
    const rows = comments
      .slice(i, i + 200)
      .map((c) => ({ ...c, integration_id: integrationId, issue_id: issueId }));
    await trx.insertInto('jira_comments').values(rows).execute();
  }
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
