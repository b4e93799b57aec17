import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, logIn, type Browser, type TestApi } from '../../test/support/api.ts';
import { createTestStorage, type Dialect } from '../../test/support/storage.ts';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { call } from '../sandbox/test-client.ts';
import type { IntegrationView } from '../shared/integrations.ts';
import type { MirrorIssueDetail } from '../shared/mirror.ts';
import type { Storage } from '../storage/connect.ts';
import { findWebhookRow } from '../storage/webhooks.ts';
import { checkWebhooks } from './register-jobs.ts';
import { openWebhookSecret } from './secret.ts';
import { signBody } from './signature.ts';
import { waitFor } from '../../test/support/wait.ts';

/** An OwlHub listening on 127.0.0.1, so that the sandbox can deliver to it. */
async function listen(forward: (request: Request) => Promise<Response>): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve({ fetch: forward, port: 0, hostname: '127.0.0.1' }, () => resolve(server));
  });
}

describe.each([
  { dialect: 'sqlite' as Dialect, flavor: 'cloud' as const },
  { dialect: 'postgres' as Dialect, flavor: 'datacenter' as const },
])('Jira webhooks on $dialect against the $flavor sandbox', ({ dialect, flavor }) => {
  let sandbox: Sandbox;
  let storage: Storage;
  let api: TestApi;
  let owlhub: ServerType;
  let admin: Browser;
  let integrationId: string;

  const integration = async () =>
    (await (await admin.get(`/api/integrations/${integrationId}`)).json()) as IntegrationView;
  const mirrored = async (key: string) => {
    const response = await admin.get(`/api/integrations/${integrationId}/issues/${key}`);
    return response.status === 200 ? ((await response.json()) as MirrorIssueDetail) : null;
  };
  const post = (path: string, body: string | Uint8Array, headers: Record<string, string>) =>
    api.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const secret = async () => {
    const row = await findWebhookRow(storage.db, integrationId);
    const value = await openWebhookSecret(
      api.deps.keys,
      integrationId,
      row?.secret_ciphertext ?? '',
    );
    if (value === null) throw new Error('no webhook secret');
    return value;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({
      flavor,
      projects: 2,
      issues: 15,
      webhookRetryDelaysMs: [50, 100],
    });
    storage = await createTestStorage(dialect);
    owlhub = await listen(async (request) => {
      const url = new URL(request.url);
      return api.request(url.pathname + url.search, {
        method: request.method,
        headers: request.headers,
        ...(request.method === 'GET' ? {} : { body: await request.arrayBuffer() }),
      });
    });
    const port = (owlhub.address() as AddressInfo).port;
    api = await createTestApi(storage, { publicUrl: new URL(`http://127.0.0.1:${port}/`) });
    admin = await logIn(
      api,
      { email: 'admin@example.com', password: 'a long password!', name: 'Admin' },
      true,
    );
    const c = sandbox.credentials;
    const created = await admin.send('POST', '/api/integrations', {
      type: 'jira',
      siteUrl: sandbox.url,
      allowInsecureHttp: true,
      ...(c.flavor === 'cloud'
        ? { email: c.email, token: c.apiToken }
        : { token: c.personalAccessToken }),
    });
    integrationId = ((await created.json()) as IntegrationView).id;
    await waitFor(integration, (view) => view.webhook?.status === 'registered');
    const [issue] = sandbox.listIssues();
    await waitFor(
      () => mirrored(issue?.key ?? ''),
      (found) => found !== null,
    );
  });
  afterAll(async () => {
    await api.close();
    await new Promise((resolve) => owlhub.close(resolve));
    await sandbox.stop();
    await storage.close();
  });

  it('registers an admin webhook for the mirrored projects, pointing at this integration', async () => {
    const view = await integration();
    expect(view.webhook).toMatchObject({
      status: 'registered',
      registered: true,
      refused: 0,
      receiverUrl: expect.stringMatching(new RegExp(`/webhooks/jira/${integrationId}$`)),
    });
    const row = await findWebhookRow(storage.db, integrationId);
    expect(row?.jql_filter).toBe('project in ("OWL", "PAY")');
  });

  it('updates the mirror within a second of a change in Jira', async () => {
    const [issue] = sandbox.listIssues();
    const key = issue?.key ?? '';
    const started = performance.now();
    sandbox.updateIssue(key, { summary: 'Changed in Jira just now' });
    await waitFor(
      () => mirrored(key),
      (found) => found?.summary === 'Changed in Jira just now',
    );
    const elapsed = performance.now() - started;
    console.info(`[${dialect}/${flavor}] webhook to mirror: ${Math.round(elapsed)} ms`);
    expect(elapsed).toBeLessThan(1000);
    expect((await integration()).webhook?.lastDeliveryAt).not.toBeNull();
  });

  it('follows created, commented, edited-comment, deleted-comment and deleted issues', async () => {
    const created = sandbox.createIssue({ projectKey: 'OWL', summary: 'Born in Jira' });
    await waitFor(
      () => mirrored(created.key),
      (found) => found?.summary === 'Born in Jira',
    );
    const comment = sandbox.addComment(created.key, 'first words');
    await waitFor(
      () => mirrored(created.key),
      (found) => found?.comments.length === 1,
    );
    sandbox.updateComment(created.key, comment.id, 'second thoughts');
    await waitFor(
      () => mirrored(created.key),
      (found) => JSON.stringify(found?.comments).includes('second thoughts'),
    );
    sandbox.deleteComment(created.key, comment.id);
    await waitFor(
      () => mirrored(created.key),
      (found) => found?.comments.length === 0,
    );
    sandbox.deleteIssue(created.key);
    await waitFor(
      () => mirrored(created.key),
      (found) => found === null,
    );
  });

  it('refuses unsigned, forged and unknown-integration deliveries, counts them and changes nothing', async () => {
    const [issue] = sandbox.listIssues();
    const key = issue?.key ?? '';
    const before = await mirrored(key);
    const body = JSON.stringify({
      webhookEvent: 'jira:issue_deleted',
      timestamp: Date.now(),
      issue: { id: issue?.id, key },
    });
    const path = `/webhooks/jira/${integrationId}`;
    const unsigned = await post(path, body, { 'x-atlassian-webhook-identifier': 'forge-1' });
    const forged = await post(path, body, {
      'x-atlassian-webhook-identifier': 'forge-2',
      'x-hub-signature': signBody(body, 'a guess'),
    });
    const tampered = await post(path, `${body} `, {
      'x-atlassian-webhook-identifier': 'forge-3',
      'x-hub-signature': signBody(body, await secret()),
    });
    const unknown = await post('/webhooks/jira/no-such-integration', body, {
      'x-hub-signature': signBody(body, await secret()),
    });
    expect([unsigned.status, forged.status, tampered.status, unknown.status]).toEqual([
      401, 401, 401, 404,
    ]);
    expect(await unsigned.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await mirrored(key)).toEqual(before);
    const stored = await storage.db
      .selectFrom('webhook_deliveries')
      .select('identifier')
      .where('identifier', 'like', 'forge-%')
      .execute();
    expect(stored).toEqual([]);
    expect((await integration()).webhook?.refused).toBe(3);
  });

  it('acknowledges a replayed delivery but processes it once', async () => {
    const created = sandbox.createIssue({ projectKey: 'PAY', summary: 'Replay target' });
    await waitFor(
      () => mirrored(created.key),
      (found) => found !== null,
    );
    const body = JSON.stringify({
      webhookEvent: 'jira:issue_updated',
      timestamp: Date.now(),
      issue: { id: created.id, key: created.key },
    });
    const headers = {
      'x-atlassian-webhook-identifier': 'replay-1',
      'x-hub-signature': signBody(body, await secret()),
    };
    const first = await post(`/webhooks/jira/${integrationId}`, body, headers);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: true, duplicate: false });
    const delivery = () =>
      storage.db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('identifier', '=', 'replay-1')
        .execute();
    const [processed] = await waitFor(delivery, (rows) => rows[0]?.processed_at != null);
    const again = await post(`/webhooks/jira/${integrationId}`, body, headers);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ accepted: true, duplicate: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await delivery()).toEqual([processed]);
  });

  it('answers 413 to a body over 1 MiB', async () => {
    const body = JSON.stringify({ webhookEvent: 'x', padding: 'x'.repeat(1024 * 1024) });
    const response = await post(`/webhooks/jira/${integrationId}`, body, {
      'x-hub-signature': signBody(body, await secret()),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('re-registers a webhook deleted in Jira at the next check, and deletes it with the integration', async () => {
    const before = await findWebhookRow(storage.db, integrationId);
    const deleted = await call(
      sandbox,
      `/rest/webhooks/1.0/webhook/${before?.jira_webhook_id ?? ''}`,
      { method: 'DELETE' },
    );
    expect(deleted.status).toBe(204);
    await checkWebhooks(api.deps);
    const after = await findWebhookRow(storage.db, integrationId);
    expect(after?.status).toBe('registered');
    expect(after?.jira_webhook_id).not.toBe(before?.jira_webhook_id);

    const [issue] = sandbox.listIssues();
    sandbox.updateIssue(issue?.key ?? '', { summary: 'After re-registration' });
    await waitFor(
      () => mirrored(issue?.key ?? ''),
      (found) => found?.summary === 'After re-registration',
    );

    expect((await admin.send('DELETE', `/api/integrations/${integrationId}`)).status).toBe(204);
    expect((await call(sandbox, '/rest/webhooks/1.0/webhook')).body).toEqual([]);
  });
});
