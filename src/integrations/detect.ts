import { createJiraClient, detectDeployment } from '../jira/index.ts';
import { createPolicyDispatcher } from '../net/index.ts';
import type { NetworkPolicy, ProxyOptions } from '../net/index.ts';
import type { SiteDetection } from '../shared/integrations.ts';
import { parseSiteUrl, siteUrlString } from './input.ts';
import { describeJiraError } from './verification/diagnose-jira.ts';

/** Detection must keep up with typing: one attempt, short timeouts. */
const DETECT_TIMEOUTS = { connectMs: 4000, headersMs: 6000, bodyMs: 6000 };

/**
 * Tells Cloud from Server/Data Center by the site's anonymous serverInfo (not by its host name),
 * so the form can ask for the right credentials while the URL is typed. Sends no credentials.
 */
export async function detectSite(
  rawUrl: string,
  policy: NetworkPolicy,
  proxy?: ProxyOptions,
): Promise<SiteDetection> {
  const parsed = parseSiteUrl(rawUrl);
  if (!parsed.ok) {
    return {
      siteUrl: rawUrl,
      deployment: null,
      version: null,
      error: { code: 'invalid_input', message: parsed.message, hint: 'Correct the Jira Site URL.' },
    };
  }
  const siteUrl = siteUrlString(parsed.url);
  const dispatcher = createPolicyDispatcher({
    policy,
    timeouts: DETECT_TIMEOUTS,
    ...(proxy === undefined ? {} : { proxy }),
  });
  try {
    const client = createJiraClient({
      baseUrl: parsed.url,
      auth: { kind: 'anonymous' },
      apiVersion: 2,
      dispatcher,
      retry: { maxAttempts: 1 },
    });
    const info = await client.serverInfo();
    if (!info.ok) {
      const error = describeJiraError(info.error, 'server_info', parsed.url, {
        authType: 'personal_access_token',
        token: '',
      });
      return { siteUrl, deployment: null, version: null, error };
    }
    return {
      siteUrl,
      deployment: detectDeployment(info.value),
      version: info.value.version,
      error: null,
    };
  } finally {
    await dispatcher.close();
  }
}
