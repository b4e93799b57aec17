/** Words for the contract's codes, as a person reads them. */
import type { CheckName, JiraAuthType, JiraDeployment } from '../src/shared/integrations.ts';

/** "Jira Cloud", "Jira Server", "Jira Data Center". */
export const DEPLOYMENT_LABELS: Record<JiraDeployment, string> = {
  cloud: 'Jira Cloud',
  server: 'Jira Server',
  datacenter: 'Jira Data Center',
};

/** How OwlHub signs in. */
export const AUTH_TYPE_LABELS: Record<JiraAuthType, string> = {
  cloud_token: 'Email and API token',
  personal_access_token: 'Personal access token',
  basic_password: 'Username and password',
};

/** What each verification step checks. */
export const CHECK_LABELS: Record<CheckName, string> = {
  url: 'Site URL is valid',
  network_policy: 'Address is allowed by the network policy',
  dns: 'Host name resolves',
  tcp: 'Server accepts connections',
  tls: 'TLS certificate is valid',
  jira: 'A Jira REST API answers',
  auth_method: 'Sign-in method fits the deployment',
  credentials: 'Credentials are accepted',
  permissions: 'Account can browse projects',
  search: 'Issue search works',
};

/** A timestamp in the reader's locale, or a dash. */
export function formatTime(iso: string | null): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** A duration such as "12 ms" or "1.4 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
