import type { Kysely } from 'kysely';
import { indexIssues } from '../../src/storage/issue-search.ts';
import type { Database } from '../../src/storage/schema.ts';
import { generateIssue } from './generate.ts';

const ISSUES_PER_TRANSACTION = 5_000;
const ROWS_PER_STATEMENT = 1_000;

/**
 * Loads `count` generated issues with their comments straight into the mirror tables, in
 * multi-row inserts, and indexes them with the same function a sync uses. Returns the time taken.
 */
export async function loadIssues(
  db: Kysely<Database>,
  integrationId: string,
  count: number,
): Promise<number> {
  const started = performance.now();
  for (let first = 1; first <= count; first += ISSUES_PER_TRANSACTION) {
    const issues = Array.from(
      { length: Math.min(ISSUES_PER_TRANSACTION, count - first + 1) },
      (_, i) => generateIssue(integrationId, first + i),
    );
    await db.transaction().execute(async (trx) => {
      const comments = issues.flatMap(({ row, comments }) =>
        comments.map((c) => ({ ...c, integration_id: integrationId, issue_id: row.jira_id })),
      );
      for (let i = 0; i < issues.length; i += ROWS_PER_STATEMENT) {
        const rows = issues.slice(i, i + ROWS_PER_STATEMENT).map((issue) => issue.row);
        await trx.insertInto('jira_issues').values(rows).execute();
      }
      for (let i = 0; i < comments.length; i += ROWS_PER_STATEMENT) {
        await trx
          .insertInto('jira_comments')
          .values(comments.slice(i, i + ROWS_PER_STATEMENT))
          .execute();
      }
      await indexIssues(trx, integrationId, issues);
    });
  }
  return performance.now() - started;
}
