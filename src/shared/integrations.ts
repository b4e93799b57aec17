/** The integrations API contract (PRODUCT.md §1, §2, §6), shared by server, web and CLI. */
import type { VerificationErrorCode } from './error-codes.ts';

/** Where an integration stands. */
export type IntegrationStatus = 'pending' | 'connected' | 'failed';

/** Which kind of Jira answers at the site. */
export type JiraDeployment = 'cloud' | 'server' | 'datacenter';

/** How OwlHub authenticates: Cloud email + API token, a Server/DC personal access token, or username + password. */
export type JiraAuthType = 'cloud_token' | 'personal_access_token' | 'basic_password';

/** The steps of verification, in the order they run. */
export const CHECK_NAMES = [
  'url',
  'network_policy',
  'dns',
  'tcp',
  'tls',
  'jira',
  'auth_method',
  'credentials',
  'permissions',
  'search',
] as const;

/** One step of verification. */
export type CheckName = (typeof CHECK_NAMES)[number];

/** The result of one verification step; steps after the first failure are `skipped`. */
export interface VerificationCheck {
  name: CheckName;
  status: 'passed' | 'failed' | 'skipped' | 'warning';
  durationMs: number;
  detail: string;
}

/** Why an integration is not connected. */
export interface IntegrationError {
  code: VerificationErrorCode;
  message: string;
  hint: string;
}

/** Who OwlHub acts as in Jira. */
export interface JiraAccount {
  displayName: string;
  emailAddress: string | null;
  username: string | null;
  accountId: string | null;
  timeZone: string | null;
}

/** What answered at the site. */
export interface JiraDeploymentInfo {
  deployment: JiraDeployment;
  version: string;
  baseUrl: string;
  serverTitle: string | null;
}

/** What the account can see and do. */
export interface JiraAccess {
  visibleProjects: number;
  permissions: Record<string, boolean>;
}

/** Where an integration's Jira webhook stands; `pending` until the first setup ran. */
export type WebhookStatus = 'pending' | 'registered' | 'not_admin' | 'no_public_url' | 'missing';

/** The integration's webhook: whether Jira calls OwlHub, and what arrived. */
export interface IntegrationWebhook {
  status: WebhookStatus;
  registered: boolean;
  receiverUrl: string | null;
  lastDeliveryAt: string | null;
  lastCheckedAt: string | null;
  /** Deliveries refused: unsigned, forged, or signed with another secret. */
  refused: number;
  /** Why the webhook is not registered, when it is not. */
  error: string | null;
}

/** An integration as the API shows it; never the token. */
export interface IntegrationView {
  id: string;
  type: 'jira';
  name: string;
  siteUrl: string;
  deployment: JiraDeployment | null;
  authType: JiraAuthType;
  email: string | null;
  username: string | null;
  tokenHint: string | null;
  allowInsecureHttp: boolean;
  status: IntegrationStatus;
  error: IntegrationError | null;
  account: JiraAccount | null;
  deploymentInfo: JiraDeploymentInfo | null;
  access: JiraAccess | null;
  checks: VerificationCheck[];
  lastVerifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Only in the answer for one integration; null before any webhook setup or delivery. */
  webhook?: IntegrationWebhook | null | undefined;
}

/**
 * The body of `POST /api/integrations`: either `siteUrl`, or `protocol` + `hostname` (the settings
 * page's form). `token` is the Cloud API token or the Server/DC personal access token; `password`
 * goes with `username` for `basic_password`. `authType` defaults from the other fields.
 */
export interface CreateIntegrationRequest {
  type: 'jira';
  name?: string;
  siteUrl?: string;
  protocol?: 'https' | 'http';
  hostname?: string;
  authType?: JiraAuthType;
  email?: string;
  token?: string;
  username?: string;
  password?: string;
  allowInsecureHttp?: boolean;
}

/** The body of `PATCH /api/integrations/:id`; a new site URL without new credentials clears them. */
export type UpdateIntegrationRequest = Omit<CreateIntegrationRequest, 'type'>;

/** What `GET /api/integrations/detect?siteUrl=` answers while a URL is typed. */
export interface SiteDetection {
  siteUrl: string;
  deployment: JiraDeployment | null;
  version: string | null;
  error: IntegrationError | null;
}
