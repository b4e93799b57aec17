import type { JobContext } from '../jobs/job-queue.ts';
import { findIntegration, updateIntegrationIfVersion } from '../storage/integrations.ts';
import { outcomeToChanges } from './apply-outcome.ts';
import { openCredentials } from './credentials.ts';
import type { IntegrationDeps } from './deps.ts';
import { requestVerification, VerifyJobSchema } from './jobs.ts';
import { verifyConnection } from './verification/chain.ts';
import type { VerificationOutcome } from './verification/outcome.ts';

/** Options that tests tighten. */
export interface VerifyJobOptions {
  connectTimeoutMs?: number;
}

/** Runs the verification chain for one integration and stores what it found. */
export function verifyIntegrationJob(deps: IntegrationDeps, options: VerifyJobOptions = {}) {
  return async (job: JobContext): Promise<void> => {
    const { integrationId, settingsVersion } = VerifyJobSchema.parse(job.data);
    const row = await findIntegration(deps.db, integrationId);
    // Deleted, or edited since this job was queued: the edit queued its own verification.
    if (!row || row.settings_version !== settingsVersion) return;
    const credentials = openCredentials(deps.keyring, row);
    const outcome: VerificationOutcome = credentials.ok
      ? await verifyConnection(
          { siteUrl: row.site_url, credentials: credentials.value },
          {
            policy: deps.network,
            ...(options.connectTimeoutMs === undefined
              ? {}
              : { timeouts: { connectMs: options.connectTimeoutMs } }),
          },
        )
      : {
          status: 'failed',
          checks: [],
          deployment: null,
          error:
            credentials.error.kind === 'cleared'
              ? {
                  code: 'invalid_credentials',
                  message: 'The token was cleared when the site URL changed.',
                  hint: 'Enter the token again for the new site.',
                }
              : {
                  code: 'invalid_credentials',
                  message: 'The stored token cannot be decrypted with the current secret key.',
                  hint: 'Restore the previous OWLHUB_SECRET_KEY (or key file), or enter the token again.',
                },
        };
    const { changes, retryAt } = outcomeToChanges(row, outcome, deps.now());
    const saved = await updateIntegrationIfVersion(deps.db, row.id, settingsVersion, changes);
    deps.logger.info(
      {
        integrationId,
        status: outcome.status,
        code: outcome.status === 'failed' ? outcome.error.code : undefined,
        saved,
      },
      'integration verified',
    );
    if (saved && retryAt) await requestVerification(deps.jobs, row.id, settingsVersion, retryAt);
  };
}
