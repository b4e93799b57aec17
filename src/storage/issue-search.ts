import type { Expression, Kysely, SqlBool, Transaction } from 'kysely';
import { SqliteAdapter, sql } from 'kysely';
import type { Database } from './schema.ts';
import type { SearchableIssue } from './search-terms.ts';
import { issueTerms } from './search-terms.ts';

/**
 * The words of one issue (see search-terms.ts). SQLite indexes them in the FTS5 table
 * `jira_issue_fts`, PostgreSQL in a generated tsvector column; both go with the issue.
 */
export interface IssueSearchTable {
  integration_id: string;
  issue_id: string;
  terms: string;
}

/** An issue as written by a sync, with the complete list of its comments. */
export interface IndexedIssue {
  row: SearchableIssue & { jira_id: string };
  comments: readonly { data_json: string }[];
}

const WRITE_CHUNK = 200;

/**
 * Indexes issues just written, in the transaction that wrote them, so a search never sees an issue
 * without its words. A deleted issue leaves the index by itself (foreign key cascade).
 */
export async function indexIssues(
  trx: Transaction<Database>,
  integrationId: string,
  issues: readonly IndexedIssue[],
): Promise<void> {
  // One row per issue, the last version given winning: a multi-row upsert may touch a row once.
  const byId = new Map(issues.map((issue) => [issue.row.jira_id, issue]));
  const rows = [...byId.values()].map(({ row, comments }) => ({
    integration_id: integrationId,
    issue_id: row.jira_id,
    terms: issueTerms(row, comments),
  }));
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    await trx
      .insertInto('jira_issue_search')
      .values(rows.slice(i, i + WRITE_CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['integration_id', 'issue_id'])
          .doUpdateSet((eb) => ({ terms: eb.ref('excluded.terms') }))
          // An unchanged issue synced again costs the full-text index nothing.
          .where((eb) => eb('jira_issue_search.terms', '<>', eb.ref('excluded.terms'))),
      )
      .execute();
  }
}

/**
 * A condition on `jira_issues` rows: the issue has, for every term, a word that starts with it.
 * The terms come from queryTerms (letters and digits only) and are quoted all the same, so
 * nothing a user types is ever read as FTS5 or tsquery syntax.
 */
export function matchesTerms(
  db: Kysely<Database>,
  integrationId: string,
  terms: readonly string[],
): Expression<SqlBool> {
  const matching = db
    .selectFrom('jira_issue_search')
    .select('issue_id')
    .where('integration_id', '=', integrationId);
  const subquery =
    db.getExecutor().adapter instanceof SqliteAdapter
      ? matching.where(
          sql<SqlBool>`doc_id in (select rowid from jira_issue_fts where jira_issue_fts match ${ftsQuery(terms)})`,
        )
      : matching.where(sql<SqlBool>`terms_vector @@ ${tsQuery(terms)}::tsquery`);
  return sql<SqlBool>`jira_issues.jira_id in (${subquery})`;
}

/** FTS5: `"auth"* "login"*`, every term a quoted prefix, all required. */
function ftsQuery(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replaceAll('"', '""')}"*`).join(' ');
}

/** tsquery: `'auth':* & 'login':*`, every term a quoted prefix lexeme, all required. */
function tsQuery(terms: readonly string[]): string {
  return terms.map((term) => `'${term.replace(/['\\]/g, '\\$&')}':*`).join(' & ');
}
