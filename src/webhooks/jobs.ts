import { z } from 'zod';
import type { JobQueue } from '../jobs/job-queue.ts';

/** Processes one stored delivery. */
export const WEBHOOK_PROCESS_JOB = 'webhook.process';
/** Registers (or re-registers) an integration's webhook in Jira. */
export const WEBHOOK_SETUP_JOB = 'webhook.setup';
/** The periodic check: set up new integrations, notice webhooks gone from Jira, prune deliveries. */
export const WEBHOOK_CHECK_JOB = 'webhook.check';

/** The payload of WEBHOOK_PROCESS_JOB. */
export const ProcessJobSchema = z.object({ integrationId: z.string(), identifier: z.string() });

/** The payload of WEBHOOK_SETUP_JOB. */
export const SetupJobSchema = z.object({ integrationId: z.string() });

/** Queues the processing of a stored delivery. */
export async function requestProcessing(
  jobs: JobQueue,
  integrationId: string,
  identifier: string,
): Promise<void> {
  await jobs.enqueue(WEBHOOK_PROCESS_JOB, { integrationId, identifier });
}

/** Queues a webhook setup for an integration, one at a time per integration. */
export async function requestWebhookSetup(
  deps: { jobs: JobQueue },
  integrationId: string,
): Promise<void> {
  await deps.jobs.enqueue(
    WEBHOOK_SETUP_JOB,
    { integrationId },
    { singletonKey: `integration:${integrationId}` },
  );
}
