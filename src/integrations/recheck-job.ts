import { listIntegrationsDueForCheck } from '../storage/integrations.ts';
import type { IntegrationDeps } from './deps.ts';
import { requestVerification } from './jobs.ts';

/**
 * Queues a verification for every integration whose re-check is due: connected ones hourly, and
 * ones that failed for a transient reason (unreachable, 5xx) with growing pauses.
 */
export function recheckIntegrationsJob(deps: IntegrationDeps) {
  return async (): Promise<void> => {
    for (const row of await listIntegrationsDueForCheck(deps.db, deps.now().toISOString())) {
      await requestVerification(deps.jobs, row.id, row.settings_version);
    }
  };
}
