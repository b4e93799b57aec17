import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, logIn, type Browser, type TestApi } from '../../test/support/api.ts';
import { DIALECTS, createTestStorage } from '../../test/support/storage.ts';
import { startSandbox, type Sandbox, type SandboxCredentials } from '../sandbox/index.ts';
import { call } from '../sandbox/test-client.ts';
import type { IntegrationView } from '../shared/integrations.ts';
import type { Storage } from '../storage/connect.ts';
import { findWebhookRow, saveWebhookRow } from '../storage/webhooks.ts';
import { ensureWebhook } from './registration.ts';
import { waitFor } from '../../test/support/wait.ts';

describe.each(DIALECTS)('webhook registration on %s', (dialect) => {
  let sandbox: Sandbox;
  let storage: Storage;
  let api: TestApi;
  let admin: Browser;

  const connect = async (credentials: SandboxCredentials) => {
    if (credentials.flavor !== 'cloud') throw new Error('expected cloud credentials');
    const created = await admin.send('POST', '/api/integrations', {
      type: 'jira',
      siteUrl: sandbox.url,
      allowInsecureHttp: true,
      email: credentials.email,
      token: credentials.apiToken,
    });
    const { id } = (await created.json()) as IntegrationView;
    return waitFor(
      async () => (await (await admin.get(`/api/integrations/${id}`)).json()) as IntegrationView,
      (view) => view.webhook !== null && view.webhook?.status !== 'pending',
    );
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ projects: 2, issues: 5 });
    storage = await createTestStorage(dialect);
    api = await createTestApi(storage, { publicUrl: new URL('https://owlhub.example.com/') });
    admin = await logIn(
      api,
      { email: 'admin@example.com', password: 'a long password!', name: 'Admin' },
      true,
    );
  });
  afterAll(async () => {
    await api.close();
    await sandbox.stop();
    await storage.close();
  });

  it('says not_admin for an account that does not administer Jira, and registers nothing', async () => {
    const view = await connect(sandbox.addUser({ name: `viewer-${dialect}`, browse: ['OWL'] }));
    expect(view.webhook).toMatchObject({ status: 'not_admin', registered: false });
    expect((await call(sandbox, '/rest/webhooks/1.0/webhook')).body).toEqual([]);
  });

  it('says no_public_url without OWLHUB_PUBLIC_URL, and replaces a webhook whose secret is lost or whose projects changed', async () => {
    const view = await connect(sandbox.credentials);
    expect(view.webhook).toMatchObject({
      status: 'registered',
      receiverUrl: `https://owlhub.example.com/webhooks/jira/${view.id}`,
    });
    expect(await ensureWebhook({ ...api.deps, publicUrl: undefined }, view.id)).toBe(
      'no_public_url',
    );

    const before = await findWebhookRow(storage.db, view.id);
    await saveWebhookRow(storage.db, view.id, {
      secret_ciphertext: 'v1:unknownkey:AAAA:AAAA:AAAA',
      updated_at: new Date().toISOString(),
    });
    expect(await ensureWebhook(api.deps, view.id)).toBe('registered');
    const after = await findWebhookRow(storage.db, view.id);
    expect(after?.jira_webhook_id).not.toBe(before?.jira_webhook_id);
    const listed = (await call(sandbox, '/rest/webhooks/1.0/webhook')).body as { self: string }[];
    expect(listed.map((w) => w.self.split('/').at(-1))).toEqual([after?.jira_webhook_id]);

    // A project no longer mirrored (or a new one) changes the filter: the webhook is replaced.
    await storage.db
      .deleteFrom('jira_projects')
      .where('integration_id', '=', view.id)
      .where('key', '=', 'PAY')
      .execute();
    expect(await ensureWebhook(api.deps, view.id)).toBe('registered');
    const narrowed = await findWebhookRow(storage.db, view.id);
    expect(narrowed?.jql_filter).toBe('project in ("OWL")');
    expect(narrowed?.jira_webhook_id).not.toBe(after?.jira_webhook_id);
    expect(await ensureWebhook(api.deps, view.id)).toBe('registered');
    expect((await findWebhookRow(storage.db, view.id))?.jira_webhook_id).toBe(
      narrowed?.jira_webhook_id,
    );
  });
});
