import type { Transaction } from 'kysely';
import type { NewIssueRow } from './mirror-schema.ts';
import { runReused } from './reused-statement.ts';
import type { Database } from './schema.ts';

/** Rows per multi-row statement: 19 columns each stays far below SQLite's and PostgreSQL's bind limits. */
const ROWS_PER_STATEMENT = 100;

/**
 * Stores issues, each unless the mirror already holds a newer version of it (a later `updated`), so
 * that a slow fetch finishing after a fresher one cannot roll an issue back. One multi-row statement
 * per hundred issues; returns the ids of the rows written. Each written key joins the key history.
 */
export async function upsertIssues(
  trx: Transaction<Database>,
  rows: readonly NewIssueRow[],
): Promise<Set<string>> {
  const written = new Set<string>();
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const some = rows.slice(i, i + ROWS_PER_STATEMENT);
    const stored = await runReused(trx, 'upsert issues', some, (rows) =>
      trx
        .insertInto('jira_issues')
        .values([...rows])
        .onConflict((oc) =>
          oc
            .columns(['integration_id', 'jira_id'])
            .doUpdateSet((eb) => ({
              key: eb.ref('excluded.key'),
              project_key: eb.ref('excluded.project_key'),
              summary: eb.ref('excluded.summary'),
              status: eb.ref('excluded.status'),
              status_category: eb.ref('excluded.status_category'),
              issue_type: eb.ref('excluded.issue_type'),
              priority: eb.ref('excluded.priority'),
              assignee_id: eb.ref('excluded.assignee_id'),
              assignee_name: eb.ref('excluded.assignee_name'),
              reporter_id: eb.ref('excluded.reporter_id'),
              reporter_name: eb.ref('excluded.reporter_name'),
              labels_json: eb.ref('excluded.labels_json'),
              created: eb.ref('excluded.created'),
              updated: eb.ref('excluded.updated'),
              fields_json: eb.ref('excluded.fields_json'),
              synced_at: eb.ref('excluded.synced_at'),
            }))
            .where((eb) => eb('jira_issues.updated', '<=', eb.ref('excluded.updated'))),
        )
        // Rows the WHERE above kept as they were are not returned, on both databases.
        .returning('jira_id'),
    );
    const ids = new Set(stored.map((row) => row.jira_id));
    const keys = some
      .filter((row) => ids.has(row.jira_id))
      .map((row) => ({ integration_id: row.integration_id, key: row.key, issue_id: row.jira_id }));
    if (keys.length > 0) {
      await trx
        .insertInto('jira_issue_keys')
        .values(keys)
        .onConflict((oc) =>
          oc
            .columns(['integration_id', 'key'])
            .doUpdateSet((eb) => ({ issue_id: eb.ref('excluded.issue_id') })),
        )
        .execute();
    }
    for (const id of ids) written.add(id);
  }
  return written;
}

/** Deletes issues with their comments and key history; returns how many issues went. */
export async function deleteIssues(
  trx: Transaction<Database>,
  integrationId: string,
  ids: readonly string[],
): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const some = ids.slice(i, i + 500);
    await trx
      .deleteFrom('jira_comments')
      .where('integration_id', '=', integrationId)
      .where('issue_id', 'in', some)
      .execute();
    await trx
      .deleteFrom('jira_issue_keys')
      .where('integration_id', '=', integrationId)
      .where('issue_id', 'in', some)
      .execute();
    const result = await trx
      .deleteFrom('jira_issues')
      .where('integration_id', '=', integrationId)
      .where('jira_id', 'in', some)
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}

/**
 * Deletes the issues whose numeric id lies in (after, upTo] (upTo null: no upper end) other than
 * `keep`: a full sync lists every id of such a range, so whatever else the mirror holds there is
 * gone from Jira, unless it was stored at or after `listedAt` (by a webhook or an action, after
 * the listing was asked for: the listing cannot tell about it). Returns how many went.
 */
export async function deleteIssuesInRange(
  trx: Transaction<Database>,
  integrationId: string,
  range: { after: number; upTo: number | null },
  keep: ReadonlySet<string>,
  listedAt: string,
): Promise<number> {
  let query = trx
    .selectFrom('jira_issues')
    .select('jira_id')
    .where('integration_id', '=', integrationId)
    .where('id_num', '>', range.after)
    .where('synced_at', '<', listedAt);
  if (range.upTo !== null) query = query.where('id_num', '<=', range.upTo);
  const rows = await query.execute();
  const gone = rows.map((r) => r.jira_id).filter((id) => !keep.has(id));
  return gone.length === 0 ? 0 : deleteIssues(trx, integrationId, gone);
}

/** Of the given issues, those stored before `listedAt` (see deleteIssuesInRange). */
export async function storedBefore(
  trx: Transaction<Database>,
  integrationId: string,
  ids: readonly string[],
  listedAt: string,
): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx
      .selectFrom('jira_issues')
      .select('jira_id')
      .where('integration_id', '=', integrationId)
      .where('jira_id', 'in', ids.slice(i, i + 500))
      .where('synced_at', '<', listedAt)
      .execute();
    for (const row of rows) found.push(row.jira_id);
  }
  return found;
}
