import type { AliasedRawBuilder, Expression, Kysely, SqlBool, Transaction } from 'kysely';
import { SqliteAdapter, sql } from 'kysely';
import type { IssueRow } from './mirror-schema.ts';
import { runReused } from './reused-statement.ts';
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

/**
 * An issue as written by a sync, with the complete list of its comments and, when the writer made
 * them from the parsed issue (searchDocument), its search words; otherwise they are read back from
 * the row's JSON.
 */
export interface IndexedIssue {
  row: SearchableIssue & { jira_id: string };
  comments: readonly { data_json: string }[];
  terms?: string;
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
  const rows = [...byId.values()].map(({ row, comments, terms }) => ({
    integration_id: integrationId,
    issue_id: row.jira_id,
    terms: terms ?? issueTerms(row, comments),
  }));
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    await runReused(trx, 'index issues', rows.slice(i, i + WRITE_CHUNK), (some) =>
      trx
        .insertInto('jira_issue_search')
        .values([...some])
        .onConflict((oc) =>
          oc
            .columns(['integration_id', 'issue_id'])
            .doUpdateSet((eb) => ({ terms: eb.ref('excluded.terms') }))
            // An unchanged issue synced again costs the full-text index nothing.
            .where((eb) => eb('jira_issue_search.terms', '<>', eb.ref('excluded.terms'))),
        ),
    );
  }
}

// Up to this many matches, the list reads them all from the full-text index and sorts them; beyond,
// it walks the list in order, checking each issue's words, and a page fills sooner (break-even
// measured on 100,000 issues, bench/search.ts).
const FEW_MATCHES = 2_000;

/**
 * How the issue list narrows to the issues that have, for every term, a word that starts with it:
 * a condition on `jira_issues` rows (many matches), or a `jira_issues` table made of the matches
 * alone (few). The terms come from queryTerms (letters and digits only) and are quoted all the
 * same, so nothing a user types is ever read as FTS5 or tsquery syntax.
 */
export type SearchPlan =
  | { kind: 'condition'; condition: Expression<SqlBool> }
  | { kind: 'matches'; matches: AliasedRawBuilder<IssueRow, 'jira_issues'> };

/**
 * Plans a search by probing the full-text index for up to FEW_MATCHES + 1 matches. Neither planner
 * can tell on its own: SQLite has no statistics (nothing runs ANALYZE), and PostgreSQL's estimate
 * for a prefix query is a guess, on which it may walk the whole list for a word only old issues have.
 */
export async function planSearch(
  db: Kysely<Database>,
  integrationId: string,
  terms: readonly string[],
): Promise<SearchPlan> {
  return db.getExecutor().adapter instanceof SqliteAdapter
    ? planSqliteSearch(db, integrationId, ftsQuery(terms), terms)
    : planPostgresSearch(db, integrationId, tsQuery(terms));
}

async function planSqliteSearch(
  db: Kysely<Database>,
  integrationId: string,
  match: string,
  terms: readonly string[],
): Promise<SearchPlan> {
  const probe = await sql<{ n: number }>`select count(*) as n from (select rowid from jira_issue_fts
    where jira_issue_fts match ${match} limit ${FEW_MATCHES + 1})`.execute(db);
  if ((probe.rows[0]?.n ?? 0) > FEW_MATCHES) {
    // The stored words are the ones FTS5 indexed: checking them needs no second FTS lookup per row.
    const words = terms.map(
      (term) => sql`instr(' ' || jira_issue_search.terms, ${` ${term}`}) > 0`,
    );
    const condition = sql<SqlBool>`exists (select 1 from jira_issue_search
      where jira_issue_search.integration_id = jira_issues.integration_id
        and jira_issue_search.issue_id = jira_issues.jira_id and ${sql.join(words, sql` and `)})`;
    return { kind: 'condition', condition };
  }
  // CROSS JOIN fixes the join order: from the index's matches to their issues.
  const matches = sql<IssueRow>`(select jira_issues.* from jira_issue_fts
    cross join jira_issue_search on jira_issue_search.doc_id = jira_issue_fts.rowid
    cross join jira_issues on jira_issues.integration_id = jira_issue_search.integration_id
      and jira_issues.jira_id = jira_issue_search.issue_id
    where jira_issue_fts match ${match} and jira_issue_search.integration_id = ${integrationId})`;
  return { kind: 'matches', matches: matches.as('jira_issues') };
}

async function planPostgresSearch(
  db: Kysely<Database>,
  integrationId: string,
  query: string,
): Promise<SearchPlan> {
  const matching = sql<SqlBool>`jira_issue_search.integration_id = ${integrationId}
    and jira_issue_search.terms_vector @@ ${query}::tsquery`;
  const probe = await sql<{ n: string }>`select count(*) as n from (select 1 from jira_issue_search
    where ${matching} limit ${FEW_MATCHES + 1}) few`.execute(db);
  if (Number(probe.rows[0]?.n ?? 0) > FEW_MATCHES) {
    const condition = sql<SqlBool>`jira_issues.jira_id in
      (select jira_issue_search.issue_id from jira_issue_search where ${matching})`;
    return { kind: 'condition', condition };
  }
  // OFFSET 0 keeps the subquery from being merged into the list query, whose ORDER BY and LIMIT
  // would lure the planner back into walking the list.
  const matches = sql<IssueRow>`(select jira_issues.* from jira_issue_search
    join jira_issues on jira_issues.integration_id = jira_issue_search.integration_id
      and jira_issues.jira_id = jira_issue_search.issue_id
    where ${matching} offset 0)`;
  return { kind: 'matches', matches: matches.as('jira_issues') };
}

/** FTS5: `"auth"* "login"*`, every term a quoted prefix, all required. */
function ftsQuery(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replaceAll('"', '""')}"*`).join(' ');
}

/** tsquery: `'auth':* & 'login':*`, every term a quoted prefix lexeme, all required. */
function tsQuery(terms: readonly string[]): string {
  return terms.map((term) => `'${term.replace(/['\\]/g, '\\$&')}':*`).join(' & ');
}
