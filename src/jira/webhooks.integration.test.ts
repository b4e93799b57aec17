import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPolicyDispatcher } from '../net/index.ts';
import { startSandbox, type Sandbox, type SandboxCredentials } from '../sandbox/index.ts';
import type { JiraAuth } from './auth.ts';
import { createJiraClient, type JiraClient } from './client.ts';
import { webhookIdOf } from './schemas/webhook.ts';

function authOf(c: SandboxCredentials): JiraAuth {
  return c.flavor === 'cloud'
    ? { kind: 'cloud_basic', email: c.email, apiToken: c.apiToken }
    : { kind: 'bearer', token: c.personalAccessToken };
}

describe.each([
  { flavor: 'cloud' as const, basePath: '', apiVersion: 3 as const },
  { flavor: 'datacenter' as const, basePath: '/jira', apiVersion: 2 as const },
])('admin webhooks on the $flavor sandbox', ({ flavor, basePath, apiVersion }) => {
  let sandbox: Sandbox;
  const clientFor = (credentials: SandboxCredentials): JiraClient =>
    createJiraClient({
      baseUrl: sandbox.url,
      auth: authOf(credentials),
      apiVersion,
      dispatcher: createPolicyDispatcher({
        policy: { allowPrivateNetworks: false, allowedHosts: [{ host: '127.0.0.1' }] },
      }),
      retry: { maxAttempts: 1 },
    });

  beforeAll(async () => {
    sandbox = await startSandbox({ flavor, basePath, projects: 2, issues: 5, seed: 3 });
  });
  afterAll(() => sandbox.stop());

  it('registers under /rest/webhooks/1.0 (context path kept), lists and deletes', async () => {
    const client = clientFor(sandbox.credentials);
    const registered = await client.registerWebhook({
      name: 'OwlHub',
      url: 'https://owlhub.example.com/webhooks/jira/abc',
      events: ['jira:issue_updated'],
      jqlFilter: 'project in (OWL)',
      secret: 'shh',
    });
    if (!registered.ok) throw new Error(registered.error.kind);
    const id = webhookIdOf(registered.value);
    expect(registered.value.self).toBe(`${sandbox.url}/rest/webhooks/1.0/webhook/${id}`);
    expect(registered.value.filters).toEqual({
      'issue-related-events-section': 'project in (OWL)',
    });

    const listed = await client.listWebhooks();
    expect(listed.ok && listed.value.map(webhookIdOf)).toEqual([id]);
    expect((await client.deleteWebhook(id)).ok).toBe(true);
    const gone = await client.deleteWebhook(id);
    expect(!gone.ok && gone.error.kind).toBe('not_found');
  });

  it('answers forbidden to an account that is not a Jira administrator', async () => {
    const member = clientFor(sandbox.addUser({ name: `member-${flavor}`, browse: ['OWL'] }));
    const listed = await member.listWebhooks();
    expect(!listed.ok && listed.error.kind).toBe('forbidden');
  });
});
