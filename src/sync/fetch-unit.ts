import { z } from 'zod';
import type { JiraComment, JiraIssue } from '../jira/index.ts';
import { CommentSchema } from '../jira/schemas/comment.ts';
import type { SyncError } from '../shared/mirror.ts';
import type { SyncContext } from './context.ts';
import { syncErrorFor } from './context.ts';
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

/** The embedded `comment` field: a page that may hold only the first comments. */
const EmbeddedComments = z.looseObject({
  comments: z.array(CommentSchema),
  total: z.number(),
});

const COMMENT_PAGE = 100;

/** What work started after the run was told to stop answers. */
export const CANCELLED: SyncError = { code: 'cancelled', message: 'The run was stopped.' };

/** Fetches a unit's issues (bulk fetch on Cloud) and all comments of each. */
export async function fetchUnit(
  ctx: SyncContext,
  unit: IssueUnit,
): Promise<WorkOutcome<FetchedUnit, SyncError>> {
  if (unit.kind === 'failed') return { ok: false, error: unit.error };
  if (ctx.signal.aborted) return { ok: false, error: CANCELLED };
  let issues: JiraIssue[];
  let listedIds: Set<string>;
  if (unit.kind === 'ids') {
    listedIds = new Set(unit.ids);
    if (unit.ids.length === 0) {
      issues = [];
    } else {
      const fetched = await retrying(() => ctx.client.bulkFetch(unit.ids, ['*all']), ctx.signal);
      if (!fetched.ok) return { ok: false, error: syncErrorFor(fetched.error) };
      issues = fetched.value.issues;
    }
  } else {
    issues = unit.issues;
    listedIds = new Set(issues.map((issue) => issue.id));
  }
  const at = ctx.now().toISOString();
  const records: IssueRecord[] = [];
  const unreadable: UnreadableIssue[] = [];
  for (const issue of issues) {
    const comments = await allComments(ctx, issue);
    if (!comments.ok) return comments;
    const record = issueToRecord(ctx.integrationId, issue, comments.value, at);
    if (record.ok) records.push(record.value);
    else unreadable.push(record.error);
  }
  return {
    ok: true,
    value: { after: unit.after, upTo: unit.upTo, listedIds, records, unreadable },
  };
}

/** The issue's comments: the embedded ones when they are all there, otherwise every page of them. */
async function allComments(
  ctx: SyncContext,
  issue: JiraIssue,
): Promise<WorkOutcome<JiraComment[], SyncError>> {
  const embedded = EmbeddedComments.safeParse(issue.fields.comment);
  if (embedded.success && embedded.data.comments.length >= embedded.data.total)
    return { ok: true, value: embedded.data.comments };
  const comments: JiraComment[] = [];
  for (;;) {
    const page = await retrying(
      () =>
        ctx.client.getComments(issue.id, { startAt: comments.length, maxResults: COMMENT_PAGE }),
      ctx.signal,
    );
    if (!page.ok) {
      // Deleted between the search and now: the next run's listing deletes it.
      if (page.error.kind === 'not_found') return { ok: true, value: comments };
      return { ok: false, error: syncErrorFor(page.error) };
    }
    comments.push(...page.value.comments);
    if (page.value.comments.length === 0 || comments.length >= page.value.total)
      return { ok: true, value: comments };
  }
}
