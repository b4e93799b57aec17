import type { JobContext } from '../jobs/job-queue.ts';
import { findIntegration, updateIntegrationIfVersion } from '../storage/integrations.ts';
import { stopSyncsUnlessConnected } from '../sync/cancel-run.ts';
import { requestInitialSync } from '../sync/jobs.ts';
import { requestWebhookSetup } from '../webhooks/jobs.ts';
import { outcomeToChanges } from './apply-outcome.ts';
import { openFreshCredentials } from './credentials.ts';
import type { IntegrationCoreDeps, IntegrationDeps } from './deps.ts';
import { requestVerification, VerifyJobSchema } from './jobs.ts';
import { verifyConnection } from './verification/chain.ts';
import type { VerificationOutcome } from './verification/outcome.ts';

/** Options that tests tighten. */
export interface VerifyJobOptions {
  connectTimeoutMs?: number;
}

/** What verifying and storing did: nothing (deleted or edited meanwhile), or the outcome. */
export type StoredVerification =
  | { ran: false }
  | { ran: true; outcome: VerificationOutcome; saved: boolean; retryAt: Date | null };

/**
 * Runs the verification chain for one integration at `settingsVersion` and stores what it found,
 * unless the integration was deleted or edited meanwhile (the edit verifies on its own).
 */
export async function verifyAndStore(
  deps: IntegrationCoreDeps,
  integrationId: string,
  settingsVersion: number,
  options: VerifyJobOptions = {},
): Promise<StoredVerification> {
  const row = await findIntegration(deps.db, integrationId);
  if (!row || row.settings_version !== settingsVersion) return { ran: false };
  const credentials = await openFreshCredentials(deps.keys, row);
  const outcome: VerificationOutcome = credentials.ok
    ? await verifyConnection(
        { siteUrl: row.site_url, credentials: credentials.value },
        {
          policy: deps.network,
          proxy: deps.proxy,
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
  return { ran: true, outcome, saved, retryAt };
}

/** The job handler: verify, store, and queue the retry a rate limit asked for. */
export function verifyIntegrationJob(deps: IntegrationDeps, options: VerifyJobOptions = {}) {
  return async (job: JobContext): Promise<void> => {
    const { integrationId, settingsVersion } = VerifyJobSchema.parse(job.data);
    const stored = await verifyAndStore(deps, integrationId, settingsVersion, options);
    if (stored.ran && stored.saved && stored.retryAt) {
      await requestVerification(deps.jobs, integrationId, settingsVersion, stored.retryAt);
    }
    // A newly connected integration mirrors itself without being asked (PRODUCT.md §7).
    if (stored.ran && stored.saved && stored.outcome.status === 'connected') {
      await requestInitialSync(deps, integrationId);
      await requestWebhookSetup(deps, integrationId);
    }
    // A revoked token must not leave runs queued behind it (PRODUCT.md §2: it stops its syncs).
    if (stored.ran && stored.saved && stored.outcome.status === 'failed')
      await stopSyncsUnlessConnected(deps, integrationId);
  };
}
