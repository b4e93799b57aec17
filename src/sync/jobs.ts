import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { SyncMode } from '../shared/mirror.ts';
import type { Database } from '../storage/schema.ts';
import {
  deleteSyncRun,
  findLiveSyncRun,
  insertSyncRun,
  setSyncRunJob,
} from '../storage/sync-runs.ts';
import { findSyncState } from '../storage/sync-state.ts';
import { emptyCounts } from './context.ts';

/** The job that runs one sync of one integration. */
export const SYNC_JOB = 'sync.run';
/** The periodic job that queues an incremental sync of every connected integration. */
export const SYNC_SWEEP_JOB = 'sync.sweep';

/** The payload of SYNC_JOB. */
export const SyncJobSchema = z.object({
  integrationId: z.string(),
  runId: z.string(),
  mode: z.enum(['full', 'incremental']),
});

/** What requesting a sync did: queued a new run, or found one queued or running already. */
export type SyncRequest = { queued: true; runId: string } | { queued: false; runId: string | null };

/** Queues a sync run unless the integration has one queued or running (one at a time). */
export async function requestSync(
  deps: { db: Kysely<Database>; jobs: JobQueue; now: () => Date },
  integrationId: string,
  mode: SyncMode,
): Promise<SyncRequest> {
  const live = await findLiveSyncRun(deps.db, integrationId);
  if (live !== undefined) return { queued: false, runId: live.id };
  const runId = randomUUID();
  await insertSyncRun(deps.db, {
    id: runId,
    integration_id: integrationId,
    mode,
    status: 'queued',
    phase: 'queued',
    counts_json: JSON.stringify(emptyCounts()),
    done: 0,
    total: null,
    error_json: null,
    created_at: deps.now().toISOString(),
    started_at: null,
    finished_at: null,
    job_id: null,
    cancel_requested_at: null,
  });
  const jobId = await deps.jobs.enqueue(
    SYNC_JOB,
    { integrationId, runId, mode },
    { singletonKey: `integration:${integrationId}` },
  );
  if (jobId !== null) {
    await setSyncRunJob(deps.db, runId, jobId);
    return { queued: true, runId };
  }
  // Another request queued a run at the same moment: that one stands, this one never existed.
  await deleteSyncRun(deps.db, runId);
  return { queued: false, runId: (await waitForLiveSyncRun(deps.db, integrationId))?.id ?? null };
}

// The winner of a race records its job right after enqueueing it; a loser waits that long for it.
const WINNER_WAIT_TRIES = 20;
const WINNER_WAIT_MS = 25;

async function waitForLiveSyncRun(db: Kysely<Database>, integrationId: string) {
  for (let attempt = 1; ; attempt++) {
    const live = await findLiveSyncRun(db, integrationId);
    if (live !== undefined || attempt === WINNER_WAIT_TRIES) return live;
    await new Promise((resolve) => setTimeout(resolve, WINNER_WAIT_MS));
  }
}

/** Queues the first full sync of an integration that has never finished one. */
export async function requestInitialSync(
  deps: { db: Kysely<Database>; jobs: JobQueue; now: () => Date },
  integrationId: string,
): Promise<void> {
  const state = await findSyncState(deps.db, integrationId);
  if (state?.last_full_at === undefined || state.last_full_at === null)
    await requestSync(deps, integrationId, 'full');
}
