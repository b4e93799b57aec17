import type { JiraIssue } from '../jira/index.ts';
import type { SyncError } from '../shared/mirror.ts';
import type { SyncContext } from './context.ts';
import { syncErrorFor } from './context.ts';
import type { IssueUnit } from './list-issues.ts';
import { ascending, keysetJql, UNORDERED } from './list-issues.ts';
import type { WorkOutcome } from './ordered-pool.ts';
import { retrying } from './retrying.ts';

/** What Server/DC is asked for per page; it may cap lower, silently (the answer says how low). */
const DC_PAGE = 1000;
/**
 * Issues per range at most: a unit waits in memory until its turn to commit, and a window of
 * ranges of a thousand full issues each would hold hundreds of megabytes.
 */
const RANGE_ISSUES = 250;

/** Issues with ids in (after, upTo] (upTo null: and beyond), read whole by the unit's work. */
export interface RangeUnit {
  kind: 'range';
  after: number;
  upTo: number | null;
}

/**
 * Splits a Server/DC full sync into id ranges that run concurrently.
 *
 * Server/DC pages by startAt, and a startAt page shifts when an issue before it is deleted (or
 * becomes visible) while the sync runs: fetched as they are, concurrent startAt pages could skip an
 * issue or hold one twice. So startAt only *places boundaries*: the first page (fields *all, kept
 * as the first unit) tells the total and the server's silent cap, then one tiny probe per later
 * range (`startAt` where the range would end, `maxResults = 1`, id only) names its last id. Each unit then reads its range by id, `id > a AND id <= b`, following keyset pages inside
 * the range should it have grown past the cap. A shift only moves a boundary, and ranges tile the
 * id space whatever the boundaries are, so nothing is skipped or doubled; the last range has no
 * upper end, so issues created meanwhile are read too. Probes cost a round trip each but are
 * tiny, are all sent at once and run under the site budget alongside the ranges.
 */
export async function* listDataCenterRanges(
  ctx: SyncContext,
  after: number,
): AsyncGenerator<IssueUnit | RangeUnit> {
  const jql = keysetJql('', after);
  const first = await retrying(
    () => ctx.client.searchLegacy({ jql, maxResults: DC_PAGE, fields: ['*all'] }),
    ctx.signal,
  );
  if (!first.ok) {
    yield { kind: 'failed', error: syncErrorFor(first.error) };
    return;
  }
  const { issues, total } = first.value;
  const ids = issues.map((issue) => Number(issue.id));
  if (!ascending(ids, after)) {
    yield { kind: 'failed', error: UNORDERED };
    return;
  }
  const lastId = ids[ids.length - 1];
  if (issues.length >= total || lastId === undefined) {
    yield { kind: 'issues', after, upTo: null, issues };
    return;
  }
  yield { kind: 'issues', after, upTo: lastId, issues };
  const step = Math.min(issues.length, RANGE_ISSUES);
  // Probes run a few ranges ahead of the pool, not all at once, so ranges never queue behind them.
  const ahead = ctx.concurrency * 2;
  const probes: Promise<number | null>[] = [];
  let next = issues.length - 1 + step;
  const launch = () => {
    for (; probes.length < ahead && next < total; next += step) probes.push(probe(ctx, jql, next));
  };
  launch();
  let lower = lastId;
  for (let boundary = probes.shift(); boundary !== undefined; boundary = probes.shift()) {
    launch();
    if (ctx.signal.aborted) break;
    const upTo = await boundary;
    // An empty answer: the list shrank; the open-ended range below reads what is left.
    if (upTo === null) break;
    if (upTo <= lower) continue;
    yield { kind: 'range', after: lower, upTo };
    lower = upTo;
  }
  yield { kind: 'range', after: lower, upTo: null };
}

/** The id at position `at` of the keyset listing, or null when the list is shorter now. */
async function probe(ctx: SyncContext, jql: string, at: number): Promise<number | null> {
  const page = await retrying(
    () => ctx.client.searchLegacy({ jql, startAt: at, maxResults: 1, fields: ['id'] }),
    ctx.signal,
  );
  // A failed probe only loses a boundary: the range before it reads on by keyset.
  if (!page.ok) return null;
  const id = page.value.issues[0]?.id;
  return id === undefined ? null : Number(id);
}

/** Every issue with an id in the unit's range, in id order, keyset page by keyset page. */
export async function readRange(
  ctx: SyncContext,
  unit: RangeUnit,
): Promise<WorkOutcome<JiraIssue[], SyncError>> {
  const issues: JiraIssue[] = [];
  let lower = unit.after;
  for (;;) {
    const bounded = unit.upTo === null ? '' : `id <= ${unit.upTo}`;
    const page = await retrying(
      () =>
        ctx.client.searchLegacy({
          jql: keysetJql(bounded, lower),
          maxResults: DC_PAGE,
          fields: ['*all'],
        }),
      ctx.signal,
    );
    if (!page.ok) return { ok: false, error: syncErrorFor(page.error) };
    const ids = page.value.issues.map((issue) => Number(issue.id));
    if (!ascending(ids, lower)) return { ok: false, error: UNORDERED };
    issues.push(...page.value.issues);
    const last = ids[ids.length - 1];
    if (last === undefined || page.value.issues.length >= page.value.total)
      return { ok: true, value: issues };
    lower = last;
  }
}
