import type { Kysely } from 'kysely';
import { CompiledQuery, sql } from 'kysely';
import type { IssueCursor, IssueFilter } from '../../src/storage/mirror-issue-queries.ts';
import { issueListQuery, listIssueRows } from '../../src/storage/mirror-issue-queries.ts';
import type { Database } from '../../src/storage/schema.ts';

const PAGE = 50;
const WARMUPS = 3;

/** A list request the benchmark times, and how the code before the search index served it. */
export interface Case {
  label: string;
  filter: IssueFilter;
  after?: IssueCursor;
  baseline?: { label: string; run: () => Promise<unknown> };
}

/** Latency percentiles of one way of answering a request, in milliseconds. */
export interface Timing {
  p50: number;
  p95: number;
}

/** The measured figures of one case. */
export interface CaseResult {
  label: string;
  rows: number;
  timing: Timing;
  baseline?: { label: string; timing: Timing };
  plan: string[];
  fullScan: boolean;
}

/** Runs `run` a few times to warm up, then `runs` times, and reports its latency percentiles. */
export async function time(run: () => Promise<unknown>, runs: number): Promise<Timing> {
  for (let i = 0; i < WARMUPS; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

/** The plan the database picks for a query, one line per node. */
export async function explain(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  query: CompiledQuery,
): Promise<string[]> {
  const prefix = dialect === 'sqlite' ? 'explain query plan ' : 'explain ';
  const result = await db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(prefix + query.sql, [...query.parameters]),
  );
  return result.rows.map((row) => {
    const line = row.detail ?? row['QUERY PLAN'];
    return typeof line === 'string' ? line : JSON.stringify(row);
  });
}

/** A table read row by row without an index: what must not happen on 100,000 issues. */
function isFullScan(line: string): boolean {
  return /^SCAN jira_issues(?:$| AS)|Seq Scan on jira_issue/.test(line.trim());
}

/** Times every case (the page as the API asks for it: limit + 1) and explains its query. */
export async function measure(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  integrationId: string,
  cases: readonly Case[],
  runs: number,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    const page = { after: c.after, limit: PAGE + 1 };
    const run = () => listIssueRows(db, integrationId, c.filter, page);
    const rows = (await run()).length;
    const timing = await time(run, runs);
    const query = await issueListQuery(db, integrationId, c.filter, page);
    const plan = await explain(db, dialect, query.compile());
    results.push({
      label: c.label,
      rows,
      timing,
      ...(c.baseline === undefined
        ? {}
        : { baseline: { label: c.baseline.label, timing: await time(c.baseline.run, runs) } }),
      plan,
      fullScan: plan.some(isFullScan),
    });
  }
  return results;
}

/** The list query as it was before full-text search: every word a LIKE on the summary. */
export function likeScan(
  db: Kysely<Database>,
  integrationId: string,
  q: string,
  after?: IssueCursor,
): () => Promise<unknown> {
  let query = db.selectFrom('jira_issues').selectAll().where('integration_id', '=', integrationId);
  for (const word of q.toLowerCase().split(/\s+/).filter(Boolean)) {
    query = query.where((eb) => eb(eb.fn('lower', ['summary']), 'like', `%${word}%`));
  }
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('updated', '<', after.updated),
        eb.and([eb('updated', '=', after.updated), eb('jira_id', '<', after.id)]),
      ]),
    );
  }
  const page = query
    .orderBy('updated', 'desc')
    .orderBy('jira_id', 'desc')
    .limit(PAGE + 1);
  return () => page.execute();
}

/** Deep pages the naive way: OFFSET, which reads and drops every row before the page. */
export function offsetPage(
  db: Kysely<Database>,
  integrationId: string,
  offset: number,
): () => Promise<unknown> {
  const page = db
    .selectFrom('jira_issues')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .orderBy('updated', 'desc')
    .orderBy('jira_id', 'desc')
    .limit(PAGE + 1)
    .offset(offset);
  return () => page.execute();
}

/** The cursor of the issue at `offset` in list order, as the API would have handed it out. */
export async function cursorAt(
  db: Kysely<Database>,
  integrationId: string,
  offset: number,
): Promise<IssueCursor> {
  const row = await db
    .selectFrom('jira_issues')
    .select(['updated', 'jira_id'])
    .where('integration_id', '=', integrationId)
    .orderBy('updated', 'desc')
    .orderBy('jira_id', 'desc')
    .offset(offset)
    .limit(1)
    .executeTakeFirstOrThrow();
  return { updated: row.updated, id: row.jira_id };
}

/** How many issues a search matches, to read the timings against. */
export async function countMatches(
  db: Kysely<Database>,
  integrationId: string,
  filter: IssueFilter,
): Promise<number> {
  const query = (await issueListQuery(db, integrationId, filter, { limit: 1_000_000 })).compile();
  const result = await db.executeQuery<{ n: number | string }>(
    CompiledQuery.raw(`select count(*) as n from (${query.sql}) matches`, [...query.parameters]),
  );
  return Number(result.rows[0]?.n ?? 0);
}

/** Drops the filter indexes of migration 0005, to time the filters as they were before it. */
export async function dropFilterIndexes(db: Kysely<Database>): Promise<void> {
  for (const column of ['project_key', 'status', 'assignee_id']) {
    await sql`drop index ${sql.ref(`jira_issues_${column}_updated`)}`.execute(db);
  }
}
