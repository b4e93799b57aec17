import type { Kysely } from 'kysely';
import { planSearch } from './issue-search.ts';
import type { IssueRow } from './mirror-schema.ts';
import type { Database } from './schema.ts';
import { queryTerms } from './search-terms.ts';

/** Filters of the issue list; every one optional. */
export interface IssueFilter {
  project?: string | undefined;
  status?: string | undefined;
  /** An assignee's account id (Cloud) or key/name (Server/DC). */
  assignee?: string | undefined;
  /** ISO UTC: only issues updated at or after it. */
  updatedSince?: string | undefined;
  /**
   * Full-text search: every word must start a word of the issue's key, summary, description,
   * labels or comments, whatever the case and accents.
   */
  q?: string | undefined;
}

/** Where a page of the list starts: after the issue with this `updated` and id. */
export interface IssueCursor {
  updated: string;
  id: string;
}

/** The id and key of every mirrored issue of an integration. */
export async function listIssueIdentities(
  db: Kysely<Database>,
  integrationId: string,
): Promise<{ jira_id: string; key: string }[]> {
  return db
    .selectFrom('jira_issues')
    .select(['jira_id', 'key'])
    .where('integration_id', '=', integrationId)
    .execute();
}

/** An issue by its current key, or by a key it had before a move. */
export async function findIssueByKey(
  db: Kysely<Database>,
  integrationId: string,
  key: string,
): Promise<IssueRow | undefined> {
  const current = await db
    .selectFrom('jira_issues')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (current !== undefined) return current;
  return db
    .selectFrom('jira_issue_keys')
    .innerJoin('jira_issues', (join) =>
      join
        .onRef('jira_issues.integration_id', '=', 'jira_issue_keys.integration_id')
        .onRef('jira_issues.jira_id', '=', 'jira_issue_keys.issue_id'),
    )
    .selectAll('jira_issues')
    .where('jira_issue_keys.integration_id', '=', integrationId)
    .where('jira_issue_keys.key', '=', key)
    .executeTakeFirst();
}

/**
 * The query of one page of issues, most recently updated first, matching `filter`; separate from
 * listIssueRows so that its plan can be checked (bench/search.ts).
 */
export async function issueListQuery(
  db: Kysely<Database>,
  integrationId: string,
  filter: IssueFilter,
  page: { after?: IssueCursor | undefined; limit: number },
) {
  const terms = queryTerms(filter.q ?? '');
  const search = terms.length === 0 ? undefined : await planSearch(db, integrationId, terms);
  let query = (
    search?.kind === 'matches' ? db.selectFrom(search.matches) : db.selectFrom('jira_issues')
  )
    .selectAll()
    .where('integration_id', '=', integrationId);
  if (search?.kind === 'condition') query = query.where(search.condition);
  if (filter.project !== undefined) query = query.where('project_key', '=', filter.project);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.assignee !== undefined) query = query.where('assignee_id', '=', filter.assignee);
  if (filter.updatedSince !== undefined) query = query.where('updated', '>=', filter.updatedSince);
  const after = page.after;
  if (after !== undefined) {
    // The redundant `updated <=` is what lets both planners start the index scan at the cursor.
    query = query
      .where('updated', '<=', after.updated)
      .where((eb) =>
        eb.or([
          eb('updated', '<', after.updated),
          eb.and([eb('updated', '=', after.updated), eb('jira_id', '<', after.id)]),
        ]),
      );
  }
  return query.orderBy('updated', 'desc').orderBy('jira_id', 'desc').limit(page.limit);
}

/** One page of issues, most recently updated first, matching `filter`. */
export async function listIssueRows(
  db: Kysely<Database>,
  integrationId: string,
  filter: IssueFilter,
  page: { after?: IssueCursor | undefined; limit: number },
): Promise<IssueRow[]> {
  return (await issueListQuery(db, integrationId, filter, page)).execute();
}

/** Every mirrored issue of an integration in id order (for comparisons and exports). */
export async function listAllIssueRows(
  db: Kysely<Database>,
  integrationId: string,
): Promise<IssueRow[]> {
  return db
    .selectFrom('jira_issues')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .orderBy('id_num')
    .execute();
}

/** The stored fields of the given issues (those the mirror holds). */
export async function listIssueFields(
  db: Kysely<Database>,
  integrationId: string,
  ids: readonly string[],
): Promise<{ jira_id: string; fields_json: string }[]> {
  const rows: { jira_id: string; fields_json: string }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('jira_issues')
        .select(['jira_id', 'fields_json'])
        .where('integration_id', '=', integrationId)
        .where('jira_id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}
