import type { VerificationErrorCode } from '../shared/error-codes.ts';
import type { IntegrationRow, IntegrationRowUpdate } from '../storage/schema.ts';
import type { VerificationOutcome } from './verification/outcome.ts';

/** How often a connected integration is verified again. */
export const RECHECK_INTERVAL_MS = 60 * 60 * 1000;
/** The longest wait between re-checks of an integration that keeps failing for transient reasons. */
export const MAX_RETRY_INTERVAL_MS = 6 * 60 * 60 * 1000;

/**
 * Failures that need a person to act. Retrying them on a schedule would only hammer Jira, and on
 * Server/DC every failed login brings the account closer to a CAPTCHA lock.
 */
const NEEDS_A_PERSON: ReadonlySet<VerificationErrorCode> = new Set([
  'invalid_input',
  'invalid_credentials',
  'captcha_required',
  'address_blocked',
  'insufficient_permissions',
  'not_jira',
]);

/** The columns a verification outcome changes, and when to verify again (if at all). */
export function outcomeToChanges(
  row: IntegrationRow,
  outcome: VerificationOutcome,
  now: Date,
): { changes: IntegrationRowUpdate; retryAt: Date | null } {
  const at = now.toISOString();
  const common = {
    checks_json: JSON.stringify(outcome.checks),
    last_verified_at: at,
    updated_at: at,
    ...(outcome.deployment
      ? {
          deployment: outcome.deployment.deployment,
          deployment_info_json: JSON.stringify(outcome.deployment),
        }
      : {}),
  };
  if (outcome.status === 'connected') {
    return {
      changes: {
        ...common,
        status: 'connected',
        error_json: null,
        account_json: JSON.stringify(outcome.account),
        access_json: JSON.stringify(outcome.access),
        consecutive_failures: 0,
        next_check_at: new Date(now.getTime() + RECHECK_INTERVAL_MS).toISOString(),
      },
      retryAt: null,
    };
  }
  const failures = row.consecutive_failures + 1;
  if (outcome.error.code === 'rate_limited') {
    // Jira is alive and asked us to wait: keep the status, try again when it says.
    const retryAt = new Date(now.getTime() + (outcome.retryAfterMs ?? 60_000));
    return {
      changes: {
        ...common,
        error_json: JSON.stringify(outcome.error),
        consecutive_failures: failures,
      },
      retryAt,
    };
  }
  const retryAt = NEEDS_A_PERSON.has(outcome.error.code)
    ? null
    : new Date(now.getTime() + backoff(failures));
  return {
    changes: {
      ...common,
      status: 'failed',
      error_json: JSON.stringify(outcome.error),
      consecutive_failures: failures,
      next_check_at: retryAt?.toISOString() ?? null,
    },
    retryAt: null,
  };
}

/** 5 minutes doubling per consecutive failure, capped. */
function backoff(failures: number): number {
  return Math.min(5 * 60 * 1000 * 2 ** Math.max(0, failures - 1), MAX_RETRY_INTERVAL_MS);
}
