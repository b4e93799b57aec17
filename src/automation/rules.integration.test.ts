import { serve, type ServerType } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, logIn, type Browser, type TestApi } from '../../test/support/api.ts';
import { createTestStorage, type Dialect } from '../../test/support/storage.ts';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import type { RuleInput, RuleRunView, RuleView } from '../shared/automation.ts';
import type { IntegrationView } from '../shared/integrations.ts';
import type { Storage } from '../storage/connect.ts';
import { signBody } from '../webhooks/signature.ts';
import { waitFor } from '../../test/support/wait.ts';

/** Long enough for a looping rule to show itself: webhook, processing and a busy retry (2 s). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 3500));

describe.each(['sqlite', 'postgres'] as Dialect[])('automation rules on %s', (dialect) => {
  let sandbox: Sandbox;
  let storage: Storage;
  let api: TestApi;
  let owlhub: ServerType;
  let outbound: Server;
  const posted: { signature: unknown; raw: string }[] = [];
  let admin: Browser;
  let integrationId: string;

  const createRule = async (input: RuleInput) => {
    const response = await admin.send('POST', `/api/integrations/${integrationId}/rules`, input);
    expect(response.status).toBe(201);
    return (await response.json()) as { rule: RuleView; signingSecret: string };
  };
  const runs = async (ruleId: string) =>
    (
      (await (
        await admin.get(`/api/integrations/${integrationId}/rules/${ruleId}/runs`)
      ).json()) as {
        items: RuleRunView[];
      }
    ).items;
  const comments = (key: string) => sandbox.getIssue(key)?.commentCount ?? -1;

  beforeAll(async () => {
    sandbox = await startSandbox({ projects: 2, issues: 10, webhookRetryDelaysMs: [50] });
    storage = await createTestStorage(dialect);
    outbound = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      request.on('end', () => {
        posted.push({ signature: request.headers['x-owlhub-signature'], raw });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => outbound.listen(0, '127.0.0.1', resolve));
    owlhub = await new Promise((resolve) => {
      const server = serve(
        {
          fetch: async (request) => {
            const url = new URL(request.url);
            return api.request(url.pathname, {
              method: request.method,
              headers: request.headers,
              body: await request.arrayBuffer(),
            });
          },
          port: 0,
          hostname: '127.0.0.1',
        },
        () => resolve(server),
      );
    });
    const port = (owlhub.address() as AddressInfo).port;
    api = await createTestApi(storage, { publicUrl: new URL(`http://127.0.0.1:${port}`) });
    admin = await logIn(
      api,
      { email: 'admin@example.com', password: 'a long password!', name: 'Admin' },
      true,
    );
    const c = sandbox.credentials;
    if (c.flavor !== 'cloud') throw new Error('expected cloud');
    const created = await admin.send('POST', '/api/integrations', {
      type: 'jira',
      siteUrl: sandbox.url,
      allowInsecureHttp: true,
      email: c.email,
      token: c.apiToken,
    });
    integrationId = ((await created.json()) as IntegrationView).id;
    await waitFor(
      async () =>
        (await (await admin.get(`/api/integrations/${integrationId}`)).json()) as IntegrationView,
      (view) => view.webhook?.status === 'registered',
    );
  });
  afterAll(async () => {
    await api.close();
    await new Promise((resolve) => owlhub.close(resolve));
    await new Promise((resolve) => outbound.close(resolve));
    await sandbox.stop();
    await storage.close();
  });

  it('fires exactly once per matching event and never on its own writes', async () => {
    const pickedUp = await createRule({
      name: 'Picked up',
      enabled: true,
      trigger: {
        type: 'event',
        events: ['jira:issue_updated'],
        filter: { project: 'OWL', statusTo: 'In Progress' },
      },
      actions: [
        { type: 'comment', body: 'Picked up, says OwlHub.' },
        {
          type: 'post_event',
          url: `http://127.0.0.1:${(outbound.address() as AddressInfo).port}/in`,
        },
      ],
    });
    // Would loop forever on its own comments if rule writes triggered rules.
    const echo = await createRule({
      name: 'Echo',
      enabled: true,
      trigger: { type: 'event', events: ['comment_created', 'jira:issue_updated'], filter: {} },
      actions: [{ type: 'comment', body: 'Noted.' }],
    });
    const elsewhere = await createRule({
      name: 'Elsewhere',
      enabled: true,
      trigger: { type: 'event', events: ['jira:issue_updated'], filter: { project: 'PAY' } },
      actions: [{ type: 'comment', body: 'Never here.' }],
    });
    const issue = sandbox
      .listIssues()
      .find((i) => i.projectKey === 'OWL' && i.status !== 'In Progress');
    const key = issue?.key ?? '';
    const before = comments(key);

    sandbox.updateIssue(key, { status: 'In Progress' });
    await waitFor(
      () => runs(pickedUp.rule.id),
      (items) => items[0]?.status === 'succeeded',
    );
    await settle();
    expect((await runs(pickedUp.rule.id)).length).toBe(1);
    expect((await runs(echo.rule.id)).map((r) => r.status)).toEqual(['succeeded']);
    expect(await runs(elsewhere.rule.id)).toEqual([]);
    expect(comments(key)).toBe(before + 2);

    expect(posted).toHaveLength(1);
    expect(posted[0]?.signature).toBe(signBody(posted[0]?.raw ?? '', pickedUp.signingSecret));
    expect(JSON.parse(posted[0]?.raw ?? '{}')).toMatchObject({
      rule: { id: pickedUp.rule.id, name: 'Picked up' },
      issue: { key },
    });

    sandbox.addComment(key, 'A person writes.');
    await waitFor(
      () => runs(echo.rule.id),
      (items) => items.length === 2,
    );
    await settle();
    expect((await runs(echo.rule.id)).length).toBe(2);
    expect(comments(key)).toBe(before + 4);
  });

  it('runs on an API call, logs the outcome, and its writes trigger no rule', async () => {
    const done = await createRule({
      name: 'Close it',
      enabled: true,
      trigger: { type: 'api' },
      actions: [{ type: 'transition', toStatus: 'Done' }],
    });
    const listener = await createRule({
      name: 'Listener',
      enabled: true,
      trigger: { type: 'event', events: ['jira:issue_updated'], filter: { statusTo: 'Done' } },
      actions: [{ type: 'comment', body: 'Closed.' }],
    });
    const issue = sandbox.listIssues().find((i) => i.status !== 'Done');
    const key = issue?.key ?? '';
    const response = await admin.send(
      'POST',
      `/api/integrations/${integrationId}/rules/${done.rule.id}/run`,
      { issueKey: key },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'succeeded',
      issueKey: key,
      results: [{ action: 'transition', ok: true }],
    });
    expect(sandbox.getIssue(key)?.status).toBe('Done');
    await settle();
    expect(await runs(listener.rule.id)).toEqual([]);

    const failed = await admin.send(
      'POST',
      `/api/integrations/${integrationId}/rules/${done.rule.id}/run`,
      { issueKey: key },
    );
    expect(await failed.json()).toMatchObject({
      status: 'failed',
      results: [{ action: 'transition', ok: false }],
    });
  });

  it('refuses bad rules with field errors, audits rule changes, and lets a viewer neither change nor run rules', async () => {
    const bad = await admin.send('POST', `/api/integrations/${integrationId}/rules`, {
      name: '',
      trigger: { type: 'event', events: [] },
      actions: [{ type: 'post_event', url: 'ftp://x' }],
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 'invalid_input', fields: { name: expect.any(String) } },
    });
    const listed = (await (await admin.get(`/api/integrations/${integrationId}/rules`)).json()) as {
      items: RuleView[];
    };
    const [first] = listed.items;
    expect(
      (await admin.send('DELETE', `/api/integrations/${integrationId}/rules/${first?.id ?? ''}`))
        .status,
    ).toBe(204);
    expect(
      (await admin.get(`/api/integrations/${integrationId}/rules/${first?.id ?? ''}`)).status,
    ).toBe(404);
    const audit = (await (await admin.get('/api/audit')).json()) as {
      items: { action: string; target: string | null }[];
    };
    expect(audit.items).toContainEqual(
      expect.objectContaining({ action: 'rule.delete', target: first?.id }),
    );
    expect(audit.items.filter((e) => e.action === 'rule.create').length).toBe(5);
    expect(audit.items.filter((e) => e.action === 'jira.issue.comment').length).toBeGreaterThan(0);

    await admin.send('POST', '/api/users', {
      email: 'viewer@example.com',
      name: 'Viewer',
      role: 'viewer',
      password: 'a long password!',
    });
    const viewer = await logIn(api, { email: 'viewer@example.com', password: 'a long password!' });
    const denied = await viewer.send(
      'POST',
      `/api/integrations/${integrationId}/rules/${listed.items[1]?.id ?? ''}/run`,
      {},
    );
    expect(denied.status).toBe(403);
    const valid = {
      name: 'x',
      trigger: { type: 'api' },
      actions: [{ type: 'comment', body: 'x' }],
    };
    expect(
      (await viewer.send('POST', `/api/integrations/${integrationId}/rules`, valid)).status,
    ).toBe(403);
    expect(
      (
        await viewer.send(
          'PUT',
          `/api/integrations/${integrationId}/rules/${listed.items[1]?.id ?? ''}`,
          valid,
        )
      ).status,
    ).toBe(403);
  });
  it('changes a rule in place: its runs stay, the change is audited, bad input is a field error', async () => {
    const created = await createRule({
      name: 'Greeter',
      enabled: true,
      trigger: { type: 'api' },
      actions: [{ type: 'comment', body: 'Hello.' }],
    });
    const key = sandbox.listIssues()[0]?.key ?? '';
    const url = `/api/integrations/${integrationId}/rules/${created.rule.id}`;
    expect((await admin.send('POST', `${url}/run`, { issueKey: key })).status).toBe(200);
    const changed = await admin.send('PUT', url, {
      name: 'Quiet greeter',
      enabled: false,
      trigger: { type: 'api' },
      actions: [{ type: 'comment', body: 'Hi.' }],
    });
    expect(changed.status).toBe(200);
    expect(await (await admin.get(url)).json()).toMatchObject({
      id: created.rule.id,
      name: 'Quiet greeter',
      enabled: false,
      actions: [{ type: 'comment', body: 'Hi.' }],
    });
    expect(await runs(created.rule.id)).toHaveLength(1);
    const audit = (await (await admin.get('/api/audit')).json()) as {
      items: { action: string; target: string | null }[];
    };
    expect(audit.items).toContainEqual(
      expect.objectContaining({ action: 'rule.update', target: created.rule.id }),
    );
    const bad = await admin.send('PUT', url, {
      name: 'x',
      trigger: { type: 'api' },
      actions: [{ type: 'post_event', url: 'ftp://x' }],
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 'invalid_input', fields: { 'actions.0.url': expect.any(String) } },
    });
    const valid = {
      name: 'x',
      trigger: { type: 'api' },
      actions: [{ type: 'comment', body: 'x' }],
    };
    expect(
      (await admin.send('PUT', `/api/integrations/${integrationId}/rules/nope`, valid)).status,
    ).toBe(404);

    const openapi = (await (await api.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(openapi.paths['/api/integrations/{id}/rules/{ruleId}'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'put', 'delete']),
    );
    expect(openapi.paths['/api/integrations/{id}/rules/{ruleId}/run']).toHaveProperty('post');
  });
});
