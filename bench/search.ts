/**
 * `npm run bench:search [-- --issues N] [-- --runs R] [-- --dialects sqlite,postgres]`: the issue
 * list and its full-text search on a large mirror. Loads N generated issues (default 100,000, with
 * ADF descriptions and comments) straight into a fresh SQLite file and a fresh PostgreSQL
 * database, then prints p50/p95 latency of a first page, filtered pages, searches for a common
 * word, a rare word and two words, and a deep page by cursor, each next to how the code before
 * migration 0005 answered it (LIKE on the summary, no filter indexes, OFFSET paging), and the plan
 * of every query. Exits 1 if a query reads jira_issues or the search table without an index.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { insertIntegration } from '../src/storage/integrations.ts';
import { openStorage } from '../src/storage/connect.ts';
import { migrateToLatest } from '../src/storage/migrate.ts';
import { listIssueRows } from '../src/storage/mirror-issue-queries.ts';
import { integrationRow } from '../src/storage/testing/search-fixtures.ts';
import { createTestDatabase } from '../test/support/storage.ts';
import type { Dialect } from '../test/support/storage.ts';
import { word } from './search/generate.ts';
import { loadIssues } from './search/load.ts';
import type { Case, CaseResult } from './search/measure.ts';
import {
  countMatches,
  cursorAt,
  dropFilterIndexes,
  likeScan,
  measure,
  offsetPage,
  time,
} from './search/measure.ts';

const INTEGRATION = 'i1';
const COMMON = word(0);
const RARE = word(15_000);
const SECOND = word(40);
// About 2% of the issues: where SQLite switches plans, the slowest search for it.
const MIDDLE = word(656);

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '25' },
    dialects: { type: 'string', default: 'sqlite,postgres' },
  },
});
const issues = Number(values.issues);
const runs = Number(values.runs);
const dialects = values.dialects
  .split(',')
  .filter((d): d is Dialect => d === 'sqlite' || d === 'postgres');

async function benchDialect(dialect: Dialect): Promise<boolean> {
  const database = await createTestDatabase(dialect);
  const storage = openStorage(database.target);
  try {
    const migrated = await migrateToLatest(storage.db);
    if (migrated.error) throw migrated.error;
    const { db } = storage;
    await insertIntegration(db, integrationRow(INTEGRATION));
    const loadMs = await loadIssues(db, INTEGRATION, issues);
    // PostgreSQL plans from statistics, which autovacuum would gather on a live mirror.
    if (dialect === 'postgres') await sql`analyze`.execute(db);
    const deep = Math.floor(issues / 2);
    const after = await cursorAt(db, INTEGRATION, deep);
    const cases: Case[] = [
      { label: 'first page', filter: {} },
      { label: 'filter: project + status', filter: { project: 'P3', status: 'In Progress' } },
      { label: 'filter: assignee', filter: { assignee: 'user-7' } },
      { label: `q common word "${COMMON}"`, filter: { q: COMMON }, baseline: like(COMMON) },
      { label: `q rare word "${RARE}"`, filter: { q: RARE }, baseline: like(RARE) },
      {
        label: `q two words "${COMMON} ${SECOND}"`,
        filter: { q: `${COMMON} ${SECOND}` },
        baseline: like(`${COMMON} ${SECOND}`),
      },
      { label: `q ~2% word "${MIDDLE}"`, filter: { q: MIDDLE }, baseline: like(MIDDLE) },
      {
        label: 'q common word + project + status',
        filter: { q: COMMON, project: 'P3', status: 'In Progress' },
      },
      { label: 'q 2-letter prefix "ru"', filter: { q: 'ru' }, baseline: like('ru') },
      {
        label: `deep page (cursor at ${deep})`,
        filter: {},
        after,
        baseline: { label: 'OFFSET', run: offsetPage(db, INTEGRATION, deep) },
      },
      {
        label: `q common word, deep cursor`,
        filter: { q: COMMON },
        after,
        baseline: like(COMMON, after),
      },
    ];
    const results = await measure(db, dialect, INTEGRATION, cases, runs);
    // The filters as they were before migration 0005: only the (integration, updated) index.
    await dropFilterIndexes(db);
    for (const result of results.filter((r) => r.label.startsWith('filter:'))) {
      const filter = cases.find((c) => c.label === result.label)?.filter ?? {};
      const run = () => listIssueRows(db, INTEGRATION, filter, { limit: 51 });
      result.baseline = { label: 'before 0005', timing: await time(run, runs) };
    }
    const counts = {
      common: await countMatches(db, INTEGRATION, { q: COMMON }),
      rare: await countMatches(db, INTEGRATION, { q: RARE }),
      middle: await countMatches(db, INTEGRATION, { q: MIDDLE }),
    };
    report(dialect, loadMs, counts, results);
    return results.every((r) => !r.fullScan);

    function like(q: string, cursor?: Case['after']): NonNullable<Case['baseline']> {
      return { label: 'LIKE summary', run: likeScan(db, INTEGRATION, q, cursor) };
    }
  } finally {
    await storage.close();
    await database.drop();
  }
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1).padStart(7);

function report(
  dialect: Dialect,
  loadMs: number,
  counts: { common: number; rare: number; middle: number },
  results: readonly CaseResult[],
): void {
  const out: string[] = [
    '',
    `${dialect}: ${issues.toLocaleString('en')} issues loaded and indexed in ${(loadMs / 1000).toFixed(1)} s; ` +
      `"${COMMON}" matches ${counts.common}, "${MIDDLE}" ${counts.middle}, "${RARE}" ${counts.rare}; page 50, ${runs} runs`,
    `${'case'.padEnd(40)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)}   baseline          p50 ms  p95 ms`,
  ];
  for (const r of results) {
    const base =
      r.baseline === undefined
        ? ''
        : `   ${r.baseline.label.padEnd(16)} ${ms(r.baseline.timing.p50)} ${ms(r.baseline.timing.p95)}`;
    out.push(
      `${r.label.padEnd(40)} ${ms(r.timing.p50)} ${ms(r.timing.p95)}${base}${r.fullScan ? '   FULL SCAN' : ''}`,
    );
  }
  out.push('', 'plans:');
  for (const r of results) out.push(`  ${r.label}`, ...r.plan.map((line) => `    ${line}`));
  process.stdout.write(`${out.join('\n')}\n`);
}

let indexed = true;
for (const dialect of dialects) indexed = (await benchDialect(dialect)) && indexed;
if (!indexed) {
  process.stderr.write('A list or search query read a table without an index.\n');
  process.exitCode = 1;
}
