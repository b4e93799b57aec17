/** What the wizard can tell about a Jira site URL before asking the server. */
import type { JiraDeployment } from '../src/shared/integrations.ts';

/** True when `value` is an http(s) URL with a host: worth asking the server to detect. */
export function isSiteUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** True for http:// URLs, which need the unencrypted-token confirmation. */
export function isHttpUrl(value: string): boolean {
  return /^\s*http:\/\//i.test(value);
}

/** Cloud by its host name, used only until (or when) the site itself cannot tell. */
export function guessDeployment(value: string): JiraDeployment | null {
  if (!isSiteUrl(value)) return null;
  return /\.(atlassian\.net|jira\.com)$/i.test(new URL(value.trim()).hostname) ? 'cloud' : null;
}
