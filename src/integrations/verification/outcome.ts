import type {
  IntegrationError,
  JiraAccess,
  JiraAccount,
  JiraDeploymentInfo,
  VerificationCheck,
} from '../../shared/integrations.ts';

/** What one verification run found. */
export type VerificationOutcome =
  | {
      status: 'connected';
      checks: VerificationCheck[];
      deployment: JiraDeploymentInfo;
      account: JiraAccount;
      access: JiraAccess;
    }
  | {
      status: 'failed';
      checks: VerificationCheck[];
      error: IntegrationError;
      deployment: JiraDeploymentInfo | null;
      /** Set for rate_limited: when to try again. */
      retryAfterMs?: number;
    };
