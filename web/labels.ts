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

/** Each verification step's name; its detail line says what was found. */
export const CHECK_LABELS: Record<CheckName, string> = {
  url: 'Site URL',
  network_policy: 'Network policy',
  dns: 'DNS',
  tcp: 'Connection',
  tls: 'TLS certificate',
  jira: 'Jira REST API',
  auth_method: 'Sign-in method',
  credentials: 'Credentials',
  permissions: 'Permissions',
  search: 'Issue search',
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
