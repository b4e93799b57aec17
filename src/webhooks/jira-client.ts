import { openFreshCredentials } from '../integrations/credentials.ts';
import type { IntegrationCoreDeps } from '../integrations/deps.ts';
import { jiraAuthFor } from '../integrations/verification/jira-auth.ts';
import { createJiraClient, type JiraClient } from '../jira/index.ts';
import { createPolicyDispatcher } from '../net/index.ts';
import type { IntegrationRow } from '../storage/schema.ts';

/**
 * Runs `work` with a Jira client for the integration (under the network policy), closing its
 * connections afterwards; null when the stored credentials cannot be opened.
 */
export async function withJiraClient<T>(
  deps: IntegrationCoreDeps,
  row: IntegrationRow,
  work: (client: JiraClient) => Promise<T>,
): Promise<T | null> {
  const credentials = await openFreshCredentials(deps.keys, row);
  if (!credentials.ok) return null;
  const dispatcher = createPolicyDispatcher({
    policy: deps.network,
    ...(deps.proxy === undefined ? {} : { proxy: deps.proxy }),
  });
  try {
    return await work(
      createJiraClient({
        baseUrl: row.site_url,
        auth: jiraAuthFor(credentials.value),
        apiVersion: row.deployment === 'cloud' ? 3 : 2,
        dispatcher,
      }),
    );
  } finally {
    await dispatcher.close();
  }
}
