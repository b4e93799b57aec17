import type { Kysely } from 'kysely';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { SyncError, SyncRunStatus } from '../shared/mirror.ts';
import { findIntegration } from '../storage/integrations.ts';
import {
  cancelQueuedSyncRun,
  findSyncRun,
  listLiveSyncRuns,
  requestSyncRunCancel,
} from '../storage/sync-runs.ts';
import type { Database } from '../storage/schema.ts';
import { SYNC_JOB } from './jobs.ts';

type Deps = { db: Kysely<Database>; jobs: JobQueue; now: () => Date };

/**
 * What cancelling a run did: a queued run ended at once, a running one was asked to stop at its
 * next unit, or nothing, because the run does not exist or has already finished.
 */
export type CancelOutcome =
  | { kind: 'cancelled' }
  | { kind: 'stopping' }
  | { kind: 'not_found' }
  | { kind: 'finished'; status: SyncRunStatus };

/**
 * Cancels a run from any process. A queued run ends `cancelled` at once and its job is cancelled
 * (freeing the integration for the next run); a running run's worker sees the request at its next
 * unit, keeps what it committed and ends the run `cancelled`.
 */
export async function cancelSyncRun(
  deps: Deps,
  runId: string,
  reason: SyncError | null = null,
): Promise<CancelOutcome> {
  const at = deps.now().toISOString();
  const errorJson = reason === null ? null : JSON.stringify(reason);
  if (await cancelQueuedSyncRun(deps.db, runId, at, errorJson)) {
    const row = await findSyncRun(deps.db, runId);
    // A job already claimed stays; its worker finds the run cancelled and leaves it.
    if (row !== undefined && row.job_id !== null) await deps.jobs.cancel(SYNC_JOB, row.job_id);
    return { kind: 'cancelled' };
  }
  if (await requestSyncRunCancel(deps.db, runId, at)) return { kind: 'stopping' };
  const row = await findSyncRun(deps.db, runId);
  return row === undefined ? { kind: 'not_found' } : { kind: 'finished', status: row.status };
}

/**
 * Stops the syncs of an integration that is no longer connected (e.g. its token was revoked):
 * queued runs end cancelled, running ones stop at their next unit. The schedule skips it already.
 */
export async function stopSyncsUnlessConnected(deps: Deps, integrationId: string): Promise<void> {
  const row = await findIntegration(deps.db, integrationId);
  if (row?.status === 'connected') return;
  const reason: SyncError = {
    code: 'not_connected',
    message: `Cancelled: the integration is ${row?.status ?? 'deleted'}, not connected.`,
  };
  for (const run of await listLiveSyncRuns(deps.db, integrationId))
    await cancelSyncRun(deps, run.id, reason);
}
