import type { Sandbox } from '../../../src/sandbox/index.ts';
import type { ApiSession } from './owlhub.ts';

/** Adds the Cloud sandbox as an integration named `name` through the API; answers its id. */
export async function addCloudIntegration(
  admin: ApiSession,
  jira: Sandbox,
  name = 'Jira Production',
): Promise<string> {
  if (jira.credentials.flavor !== 'cloud') throw new Error('expected a Cloud sandbox');
  const created = await admin.send('POST', '/api/integrations', {
    type: 'jira',
    name,
    siteUrl: jira.url,
    email: jira.credentials.email,
    token: jira.credentials.apiToken,
    allowInsecureHttp: true,
  });
  if (created.status !== 202) throw new Error(`integration refused: ${await created.text()}`);
  return ((await created.json()) as { id: string }).id;
}

/** Waits until the integration's newest sync run has succeeded (the first full sync, at setup). */
export async function waitForFullSync(admin: ApiSession, id: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await admin.send('GET', `/api/integrations/${id}/sync-runs`);
    const { items } = (await response.json()) as { items: { status: string }[] };
    if (items[0]?.status === 'succeeded') return;
    if (Date.now() > deadline) throw new Error(`no finished sync: ${JSON.stringify(items)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
