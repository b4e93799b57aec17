import type { JiraComment, JiraIssue } from '../jira/index.ts';
import type { SyncError } from '../shared/mirror.ts';
import type { SyncContext } from './context.ts';
import type { RangeUnit } from './dc-ranges.ts';
import { readRange } from './dc-ranges.ts';
import { syncErrorFor } from './context.ts';
import { decodeBulkFetch } from './decode/decode-bulk-fetch.ts';
import { readEmbeddedComments } from './embedded-comments.ts';
import type { IssueRecord, UnreadableIssue } from './issue-row.ts';
import { issueToRecord } from './issue-row.ts';
import type { IssueUnit } from './list-issues.ts';
import type { WorkOutcome } from './ordered-pool.ts';
import { retrying } from './retrying.ts';

/** A unit with its issues fetched whole, comments complete, ready to store. */
export interface FetchedUnit {
  after: number;
  upTo: number | null;
  /** Every id the unit listed (kept in the mirror even if one could not be read). */
  listedIds: Set<string>;
  records: IssueRecord[];
  unreadable: UnreadableIssue[];
}

/** Consecutive fetched units as one, to be committed in one transaction. */
export function mergeUnits(units: readonly FetchedUnit[]): FetchedUnit {
  const [first, ...rest] = units;
  if (first === undefined) throw new RangeError('mergeUnits needs at least one unit');
  if (rest.length === 0) return first;
  const last = rest[rest.length - 1] ?? first;
  return {
    after: first.after,
    upTo: last.upTo,
    listedIds: new Set(units.flatMap((unit) => [...unit.listedIds])),
    records: units.flatMap((unit) => unit.records),
    unreadable: units.flatMap((unit) => unit.unreadable),
  };
}

const COMMENT_PAGE = 100;

/** What work started after the run was told to stop answers. */
export const CANCELLED: SyncError = { code: 'cancelled', message: 'The run was stopped.' };

/** Fetches a unit's issues (bulk fetch on Cloud, an id range on Server/DC) and all comments of each. */
export async function fetchUnit(
  ctx: SyncContext,
  unit: IssueUnit | RangeUnit,
): Promise<WorkOutcome<FetchedUnit, SyncError>> {
  if (unit.kind === 'failed') return { ok: false, error: unit.error };
  if (ctx.signal.aborted) return { ok: false, error: CANCELLED };
  const at = ctx.now().toISOString();
  if (unit.kind === 'ids') return fetchIdsUnit(ctx, unit, at);
  const read =
    unit.kind === 'range' ? await readRange(ctx, unit) : { ok: true as const, value: unit.issues };
  if (!read.ok) return read;
  const issues = read.value;
  const listedIds = new Set(issues.map((issue) => issue.id));
  const completed = await completeIssues(ctx, issues, at);
  if (!completed.ok) return completed;
  return { ok: true, value: { after: unit.after, upTo: unit.upTo, listedIds, ...completed.value } };
}

/**
 * Bulk-fetches a unit's ids. The answer is parsed after its request has left the site's budget,
 * so that the next request need not wait for it; the few issues with more comments than Jira
 * embeds then have the rest read.
 */
async function fetchIdsUnit(
  ctx: SyncContext,
  unit: IssueUnit & { kind: 'ids' },
  at: string,
): Promise<WorkOutcome<FetchedUnit, SyncError>> {
  const listed = { after: unit.after, upTo: unit.upTo, listedIds: new Set(unit.ids) };
  if (unit.ids.length === 0) return { ok: true, value: { ...listed, records: [], unreadable: [] } };
  const fetched = await retrying(
    () => ctx.client.bulkFetchUnparsed(unit.ids, ['*all']),
    ctx.signal,
  );
  if (!fetched.ok) return { ok: false, error: syncErrorFor(fetched.error) };
  const decoded = await decodeBulkFetch({
    body: fetched.value,
    integrationId: ctx.integrationId,
    syncedAt: at,
  });
  if (!decoded.ok) return { ok: false, error: syncErrorFor(decoded.error) };
  const completed = await completeIssues(ctx, decoded.incomplete, at);
  if (!completed.ok) return completed;
  const records = [...decoded.records, ...completed.value.records];
  const unreadable = [...decoded.unreadable, ...completed.value.unreadable];
  return { ok: true, value: { ...listed, records, unreadable } };
}

/** Each issue's record with all its comments, the comment pages of several issues read at once. */
async function completeIssues(
  ctx: SyncContext,
  issues: readonly JiraIssue[],
  at: string,
): Promise<WorkOutcome<Pick<FetchedUnit, 'records' | 'unreadable'>, SyncError>> {
  const read = await Promise.all(
    issues.map(async (issue) => ({ issue, comments: await allComments(ctx, issue) })),
  );
  const records: IssueRecord[] = [];
  const unreadable: UnreadableIssue[] = [];
  for (const { issue, comments } of read) {
    if (!comments.ok) return comments;
    const record = issueToRecord(ctx.integrationId, issue, comments.value, at);
    if (record.ok) records.push(record.value);
    else unreadable.push(record.error);
  }
  return { ok: true, value: { records, unreadable } };
}

/**
 * The issue's comments: the embedded ones when they are all there, otherwise the rest page by page.
 * The first page starts on the last embedded comment: when it still sits there, no comment before
 * it was deleted meanwhile and the embedded ones stand; when it has moved, every page is read anew.
 */
async function allComments(
  ctx: SyncContext,
  issue: JiraIssue,
): Promise<WorkOutcome<JiraComment[], SyncError>> {
  const embedded = readEmbeddedComments(issue);
  if (embedded === null) return readComments(ctx, issue, []);
  if (embedded.complete) return { ok: true, value: embedded.comments };
  return readComments(ctx, issue, embedded.comments);
}

/** Reads comment pages after `known` (which overlaps the first page by one), or all of them. */
async function readComments(
  ctx: SyncContext,
  issue: JiraIssue,
  known: readonly JiraComment[],
): Promise<WorkOutcome<JiraComment[], SyncError>> {
  let comments = [...known];
  let overlap = comments.length > 0 ? 1 : 0;
  for (;;) {
    const startAt = comments.length - overlap;
    const page = await retrying(
      () => ctx.client.getComments(issue.id, { startAt, maxResults: COMMENT_PAGE }),
      ctx.signal,
    );
    if (!page.ok) {
      // Deleted between the search and now: the next run's listing deletes it.
      if (page.error.kind === 'not_found') return { ok: true, value: comments };
      return { ok: false, error: syncErrorFor(page.error) };
    }
    let fresh = page.value.comments;
    if (overlap === 1) {
      if (fresh[0]?.id !== comments[comments.length - 1]?.id) {
        comments = [];
        overlap = 0;
        continue;
      }
      fresh = fresh.slice(1);
      overlap = 0;
    }
    comments.push(...fresh);
    if (page.value.comments.length === 0 || comments.length >= page.value.total)
      return { ok: true, value: comments };
  }
}
