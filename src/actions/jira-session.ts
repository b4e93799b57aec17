import { openFreshCredentials } from '../integrations/credentials.ts';
import { jiraAuthFor } from '../integrations/verification/jira-auth.ts';
import { createJiraClient, type JiraClient } from '../jira/index.ts';
import { createPolicyDispatcher } from '../net/index.ts';
import { ApiError, notFound } from '../server/errors.ts';
import { findIntegration } from '../storage/integrations.ts';
import type { ActionDeps } from './deps.ts';

/** A Jira client for one connected integration. */
export interface JiraSession {
  integrationId: string;
  deployment: 'cloud' | 'datacenter';
  client: JiraClient;
}

/** Runs `work` with a client for a connected integration, and closes its connections after. */
export async function withJira<T>(
  deps: ActionDeps,
  integrationId: string,
  work: (session: JiraSession) => Promise<T>,
): Promise<T> {
  const row = await findIntegration(deps.db, integrationId);
  if (row === undefined) throw notFound('The integration');
  if (row.status !== 'connected' || row.deployment === null)
    throw new ApiError(
      'conflict',
      `The integration is ${row.status}; only a connected one acts on Jira.`,
      {
        hint: 'Verify the integration first.',
      },
    );
  const credentials = await openFreshCredentials(deps.keys, row);
  if (!credentials.ok)
    throw new ApiError(
      'invalid_credentials',
      'The stored credentials of this integration cannot be used.',
      {
        hint: 'Replace the token of the integration.',
      },
    );
  const deployment = row.deployment === 'cloud' ? 'cloud' : 'datacenter';
  const dispatcher = createPolicyDispatcher({
    policy: deps.network,
    ...(deps.proxy === undefined ? {} : { proxy: deps.proxy }),
  });
  try {
    const client = createJiraClient({
      baseUrl: row.site_url,
      auth: jiraAuthFor(credentials.value),
      apiVersion: deployment === 'cloud' ? 3 : 2,
      dispatcher,
    });
    return await work({ integrationId, deployment, client });
  } finally {
    await dispatcher.close();
  }
}
