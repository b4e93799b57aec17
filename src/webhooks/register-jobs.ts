import type { IntegrationDeps } from '../integrations/deps.ts';
import type { JobContext } from '../jobs/job-queue.ts';
import { listIntegrations } from '../storage/integrations.ts';
import { pruneDeliveries } from '../storage/webhooks.ts';
import {
  ProcessJobSchema,
  SetupJobSchema,
  WEBHOOK_CHECK_JOB,
  WEBHOOK_PROCESS_JOB,
  WEBHOOK_SETUP_JOB,
} from './jobs.ts';
import { processDelivery } from './process.ts';
import { ensureWebhook } from './registration.ts';

/** How often webhooks are checked in Jira (and set up for integrations that lack one). */
export const WEBHOOK_CHECK_EVERY_SECONDS = 300;

/** Identifiers are kept this long; Jira stops retrying a delivery within about half an hour. */
export const DELIVERY_RETENTION_MS = 7 * 24 * 3600_000;

/** Checks every connected integration's webhook and forgets old delivery identifiers. */
export async function checkWebhooks(deps: IntegrationDeps): Promise<void> {
  for (const row of await listIntegrations(deps.db)) {
    if (row.status === 'connected') await ensureWebhook(deps, row.id);
  }
  await pruneDeliveries(
    deps.db,
    new Date(deps.now().getTime() - DELIVERY_RETENTION_MS).toISOString(),
  );
}

/** Registers the webhook jobs and the periodic check; call before the queue starts. */
export function registerWebhookJobs(deps: IntegrationDeps): void {
  deps.jobs.register(
    WEBHOOK_PROCESS_JOB,
    async (job: JobContext) => {
      const { integrationId, identifier } = ProcessJobSchema.parse(job.data);
      const outcome = await processDelivery(deps, integrationId, identifier);
      deps.logger.debug({ integrationId, identifier, outcome: outcome.kind }, 'webhook processed');
    },
    // Short retries: an event met while a rule is writing waits only for that write.
    { concurrency: 4, leaseSeconds: 120, retryLimit: 5, retryDelaySeconds: 2 },
  );
  deps.jobs.register(
    WEBHOOK_SETUP_JOB,
    async (job: JobContext) => {
      await ensureWebhook(deps, SetupJobSchema.parse(job.data).integrationId);
    },
    { leaseSeconds: 120, retryLimit: 1, retryDelaySeconds: 30 },
  );
  deps.jobs.register(WEBHOOK_CHECK_JOB, () => checkWebhooks(deps), {
    leaseSeconds: 600,
    retryLimit: 0,
  });
  deps.jobs.schedule(WEBHOOK_CHECK_JOB, WEBHOOK_CHECK_EVERY_SECONDS);
}
