import type { IntegrationDeps } from '../integrations/deps.ts';
import type { JobContext } from '../jobs/job-queue.ts';
import { listIntegrations } from '../storage/integrations.ts';
import { findSyncState } from '../storage/sync-state.ts';
import { requestSync, SYNC_JOB, SYNC_SWEEP_JOB, SyncJobSchema } from './jobs.ts';
import type { SyncOptions } from './run-sync.ts';
import { runSync } from './run-sync.ts';

/** How often every connected integration gets an incremental sync (PRODUCT.md §4: default 5 min). */
export const SYNC_EVERY_SECONDS = 300;

/** How sync runs are run as jobs. */
export interface SyncJobOptions extends SyncOptions {
  /**
   * How long a run's worker may go without renewing its lease (it renews every third of it)
   * before another process takes the run over from its checkpoint (default 60).
   */
  leaseSeconds?: number;
  /** The pause before a failed or taken-over run is tried again (default 10). */
  retryDelaySeconds?: number;
}

/** Registers the sync jobs and their schedule; call before the queue starts. */
export function registerSyncJobs(deps: IntegrationDeps, options: SyncJobOptions = {}): void {
  const { leaseSeconds = 60, retryDelaySeconds = 10, ...syncOptions } = options;
  deps.jobs.register(
    SYNC_JOB,
    async (job: JobContext) => {
      const data = SyncJobSchema.parse(job.data);
      deps.logger.info({ jobId: job.id, attempt: job.attempt, ...data }, 'sync run started');
      const outcome = await runSync(deps, data, job.signal, syncOptions);
      deps.logger.info({ jobId: job.id, runId: data.runId, outcome }, 'sync run ended');
      if (outcome.ran && outcome.status === 'interrupted') throw new Error('sync run interrupted');
    },
    { concurrency: 2, leaseSeconds, retryLimit: 3, retryDelaySeconds },
  );
  deps.jobs.register(SYNC_SWEEP_JOB, () => sweepSyncs(deps), { leaseSeconds: 120, retryLimit: 0 });
  deps.jobs.schedule(SYNC_SWEEP_JOB, SYNC_EVERY_SECONDS);
}

/** The scheduled sweep: queues a sync of every connected integration (others are left alone). */
export async function sweepSyncs(deps: IntegrationDeps): Promise<void> {
  for (const row of await listIntegrations(deps.db)) {
    if (row.status !== 'connected') continue;
    const state = await findSyncState(deps.db, row.id);
    await requestSync(deps, row.id, state?.last_full_at ? 'incremental' : 'full');
  }
}
