import { setImmediate as nextTurn } from 'node:timers/promises';
import type { JiraError, JiraIssue, UnparsedBody } from '../../jira/index.ts';
import { BulkFetchSchema, parseBody } from '../../jira/index.ts';
import { readEmbeddedComments } from '../embedded-comments.ts';
import type { IssueRecord, UnreadableIssue } from '../issue-row.ts';
import { issueToRecord } from '../issue-row.ts';

/**
 * A bulk fetch answer as the sync stores it. Issues whose comments do not all fit in the embedded
 * page are returned as they came (`incomplete`), for the caller to read the rest of their comments.
 */
export type DecodedBulkFetch =
  | { ok: true; records: IssueRecord[]; unreadable: UnreadableIssue[]; incomplete: JiraIssue[] }
  | { ok: false; error: JiraError };

/** What to decode. */
export interface DecodeRequest {
  body: UnparsedBody;
  integrationId: string;
  syncedAt: string;
}

/** Issues decoded between two turns of the event loop. */
const ISSUES_PER_TURN = 10;

/**
 * Parses and validates a bulk fetch answer and turns each complete issue into its record, letting
 * the event loop turn every few issues: a whole answer takes tens of milliseconds, during which
 * answers that arrived and requests that could go out would wait, each request holding its place
 * in the site's budget that much longer.
 */
export async function decodeBulkFetch({
  body,
  integrationId,
  syncedAt,
}: DecodeRequest): Promise<DecodedBulkFetch> {
  const parsed = parseBody(BulkFetchSchema, body);
  if (!parsed.ok) return parsed;
  const records: IssueRecord[] = [];
  const unreadable: UnreadableIssue[] = [];
  const incomplete: JiraIssue[] = [];
  for (const [i, issue] of parsed.value.issues.entries()) {
    if (i > 0 && i % ISSUES_PER_TURN === 0) await nextTurn();
    const embedded = readEmbeddedComments(issue);
    if (embedded === null || !embedded.complete) {
      incomplete.push(issue);
      continue;
    }
    const record = issueToRecord(integrationId, issue, embedded.comments, syncedAt);
    if (record.ok) records.push(record.value);
    else unreadable.push(record.error);
  }
  return { ok: true, records, unreadable, incomplete };
}
