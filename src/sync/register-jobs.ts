import type { IntegrationDeps } from '../integrations/deps.ts';
import type { JobContext } from '../jobs/job-queue.ts';
import { listIntegrations } from '../storage/integrations.ts';
import { findSyncState } from '../storage/sync-state.ts';
import { requestSync, SYNC_JOB, SYNC_SWEEP_JOB, SyncJobSchema } from './jobs.ts';
import type { SyncOptions } from './run-sync.ts';
import { runSync } from './run-sync.ts';

/** How often every connected integration gets an incremental sync (PRODUCT.md §4: default 5 min). */
export const SYNC_EVERY_SECONDS = 300;

/** Registers the sync jobs and their schedule; call before the queue starts. */
export function registerSyncJobs(deps: IntegrationDeps, options: SyncOptions = {}): void {
  deps.jobs.register(
    SYNC_JOB,
    async (job: JobContext) => {
      const outcome = await runSync(deps, SyncJobSchema.parse(job.data), job.signal, options);
      deps.logger.info({ jobId: job.id, outcome }, 'sync run ended');
      if (outcome.ran && outcome.status === 'interrupted') throw new Error('sync run interrupted');
    },
    { concurrency: 2, leaseSeconds: 3600, retryLimit: 3, retryDelaySeconds: 30 },
  );
  deps.jobs.register(
    SYNC_SWEEP_JOB,
    async () => {
      for (const row of await listIntegrations(deps.db)) {
        if (row.status !== 'connected') continue;
        const state = await findSyncState(deps.db, row.id);
        await requestSync(deps, row.id, state?.last_full_at ? 'incremental' : 'full');
      }
    },
    { leaseSeconds: 120, retryLimit: 0 },
  );
  deps.jobs.schedule(SYNC_SWEEP_JOB, SYNC_EVERY_SECONDS);
}
