import type { SyncJobOptions } from '../sync/register-jobs.ts';
import { registerSyncJobs } from '../sync/register-jobs.ts';
import { registerWebhookJobs } from '../webhooks/register-jobs.ts';
import type { IntegrationDeps } from './deps.ts';
import { RECHECK_JOB, VERIFY_JOB } from './jobs.ts';
import { recheckIntegrationsJob } from './recheck-job.ts';
import type { VerifyJobOptions } from './verify-job.ts';
import { verifyIntegrationJob } from './verify-job.ts';

/** How often due re-checks are looked for. */
export const RECHECK_SWEEP_SECONDS = 60;

/** Registers the integration jobs on the queue; call before the queue starts. */
export function registerIntegrationJobs(
  deps: IntegrationDeps,
  options: VerifyJobOptions = {},
  sync: SyncJobOptions = {},
): void {
  deps.jobs.register(VERIFY_JOB, verifyIntegrationJob(deps, options), {
    concurrency: 4,
    leaseSeconds: 300,
    retryLimit: 2,
    retryDelaySeconds: 5,
  });
  deps.jobs.register(RECHECK_JOB, recheckIntegrationsJob(deps), {
    leaseSeconds: 120,
    retryLimit: 0,
  });
  deps.jobs.schedule(RECHECK_JOB, RECHECK_SWEEP_SECONDS);
  registerSyncJobs(deps, sync);
  registerWebhookJobs(deps);
}
