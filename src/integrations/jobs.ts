import { z } from 'zod';
import type { JobQueue } from '../jobs/job-queue.ts';

/** The job that verifies one integration's current settings. */
export const VERIFY_JOB = 'integration.verify';
/** The periodic job that re-checks connected integrations and retries stuck pending ones. */
export const RECHECK_JOB = 'integration.recheck';

/** The payload of VERIFY_JOB. */
export const VerifyJobSchema = z.object({
  integrationId: z.string(),
  settingsVersion: z.number().int(),
});

/** Queues a verification of `settingsVersion` of an integration, at most once per version. */
export async function requestVerification(
  jobs: JobQueue,
  integrationId: string,
  settingsVersion: number,
  startAfter?: Date,
): Promise<void> {
  await jobs.enqueue(
    VERIFY_JOB,
    { integrationId, settingsVersion },
    {
      singletonKey: `${integrationId}:${settingsVersion}`,
      ...(startAfter === undefined ? {} : { startAfter }),
    },
  );
}
