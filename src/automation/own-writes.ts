import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import {
  deleteWriteMarker,
  findWriteMarkers,
  hasMarkerStartingWith,
  recordWriteMarker,
} from '../storage/automation.ts';
import { jiraTimeToIso } from '../sync/jira-time.ts';
import type { WebhookPayload } from '../webhooks/payload.ts';

/**
 * Rules mark their own writes so that the webhooks those writes cause trigger nothing: an issue
 * write by the issue's id and the `updated` Jira gave it, a comment by its id. While a rule is
 * writing, a `busy:<run>` marker makes events of the integration wait, since the webhook of a write can
 * arrive before the write's answer (and so before its marker).
 */
const BUSY = 'busy:';
/** A run that died without clearing its busy marker blocks events no longer than this. */
const BUSY_FOR_MS = 2 * 60_000;
/** Jira delivers (retries included) well within this; older markers can no longer match. */
const MARKER_WINDOW_MS = 24 * 3600_000;

/** The marker of an issue write that left the issue with `updatedIso`. */
export function issueWriteMarker(issueId: string, updatedIso: string): string {
  return `issue:${issueId}@${updatedIso}`;
}

/** The marker of a comment a rule wrote. */
export function commentWriteMarker(commentId: string): string {
  return `comment:${commentId}`;
}

function eventMarkers(payload: WebhookPayload): string[] {
  const markers: string[] = [];
  const updated = jiraTimeToIso(payload.issue?.fields?.updated);
  if (payload.issue !== undefined && updated !== null)
    markers.push(issueWriteMarker(payload.issue.id, updated));
  if (payload.comment !== undefined) markers.push(commentWriteMarker(payload.comment.id));
  return markers;
}

/** Whether an event was caused by a rule (`own`), may have been (`busy`: ask again later), or not. */
export async function ruleCausedEvent(
  db: Kysely<Database>,
  integrationId: string,
  payload: WebhookPayload,
  now: Date,
): Promise<'own' | 'busy' | 'no'> {
  const since = new Date(now.getTime() - MARKER_WINDOW_MS).toISOString();
  if ((await findWriteMarkers(db, integrationId, eventMarkers(payload), since)).length > 0)
    return 'own';
  const busySince = new Date(now.getTime() - BUSY_FOR_MS).toISOString();
  return (await hasMarkerStartingWith(db, integrationId, BUSY, busySince)) ? 'busy' : 'no';
}

/** Runs a rule's writes under a busy marker of its own (runs of several rules may overlap). */
export async function whileWriting<T>(
  deps: { db: Kysely<Database>; now: () => Date },
  integrationId: string,
  runId: string,
  work: () => Promise<T>,
): Promise<T> {
  const marker = `${BUSY}${runId}`;
  await recordWriteMarker(deps.db, integrationId, marker, deps.now().toISOString());
  try {
    return await work();
  } finally {
    await deleteWriteMarker(deps.db, integrationId, marker);
  }
}

/** Records the markers of writes a rule made. */
export async function markWrites(
  deps: { db: Kysely<Database>; now: () => Date },
  integrationId: string,
  markers: readonly string[],
): Promise<void> {
  for (const marker of markers)
    await recordWriteMarker(deps.db, integrationId, marker, deps.now().toISOString());
}
