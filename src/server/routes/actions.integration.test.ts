import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, logIn } from '../../../test/support/api.ts';
import type { Browser, TestApi } from '../../../test/support/api.ts';
import { DIALECTS, createTestStorage } from '../../../test/support/storage.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import { startSandbox } from '../../sandbox/index.ts';
import type { AuditEntryView } from '../../shared/audit.ts';
import type { CreateField, IssueTransition } from '../../shared/actions.ts';
import type { IntegrationView } from '../../shared/integrations.ts';
import type { MirrorIssueDetail } from '../../shared/mirror.ts';
import type { Storage } from '../../storage/connect.ts';
import { waitFor } from '../../../test/support/wait.ts';

const PASSWORD = 'a long password!';
const STORY = '10003';

describe.each(DIALECTS)('actions on Jira on %s', (dialect) => {
  let sandbox: Sandbox;
  let storage: Storage;
  let api: TestApi;
  let admin: Browser;
  let member: Browser;
  let viewer: Browser;
  let id: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ flavor: 'cloud', projects: 2, issues: 12, seed: 4 });
  });
  afterAll(async () => {
    await sandbox.stop();
  });
  beforeEach(async () => {
    storage = await createTestStorage(dialect);
    api = await createTestApi(storage);
    admin = await logIn(
      api,
      { email: 'admin@example.com', password: PASSWORD, name: 'Admin' },
      true,
    );
    for (const role of ['member', 'viewer'])
      await admin.send('POST', '/api/users', {
        email: `${role}@example.com`,
        name: role,
        role,
        password: PASSWORD,
      });
    member = await logIn(api, { email: 'member@example.com', password: PASSWORD });
    viewer = await logIn(api, { email: 'viewer@example.com', password: PASSWORD });
    if (sandbox.credentials.flavor !== 'cloud') throw new Error('expected cloud');
    const created = await admin.send('POST', '/api/integrations', {
      type: 'jira',
      protocol: 'http',
      hostname: new URL(sandbox.url).host,
      email: sandbox.credentials.email,
      token: sandbox.credentials.apiToken,
      allowInsecureHttp: true,
    });
    id = ((await created.json()) as IntegrationView).id;
    await waitFor(
      async () => (await (await admin.get(`/api/integrations/${id}`)).json()) as IntegrationView,
      (view) => view.status === 'connected',
    );
  });
  afterEach(async () => {
    await api.close();
    await storage.close();
  });

  const storyFields = (summary: string) => ({
    summary,
    customfield_10010: 'Payments',
    customfield_10011: sandbox.listIssues()[0]?.reporterId ?? '',
    customfield_10012: '3',
    customfield_10013: '2026-12-24',
    customfield_10014: 'Notes',
    customfield_10015: 'alpha, beta',
  });
  const createWith = (key: string, summary: string) =>
    api.request(`/api/integrations/${id}/issues`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: member.cookie,
        'x-csrf-token': member.csrfToken,
        'idempotency-key': key,
      },
      body: JSON.stringify({ projectKey: 'OWL', issueTypeId: STORY, fields: storyFields(summary) }),
    });

  it('lists issue types and the create form, required custom fields marked', async () => {
    const types = (await (
      await member.get(`/api/integrations/${id}/projects/OWL/create-meta`)
    ).json()) as { items: { id: string; name: string }[] };
    expect(types.items.map((t) => t.name)).toContain('Story');
    const fields = (await (
      await member.get(`/api/integrations/${id}/projects/OWL/create-meta/${STORY}`)
    ).json()) as { items: CreateField[] };
    expect(fields.items.filter((f) => f.required).map((f) => [f.id, f.type])).toEqual([
      ['summary', 'string'],
      ['customfield_10010', 'option'],
      ['customfield_10011', 'users'],
      ['customfield_10012', 'number'],
      ['customfield_10013', 'date'],
      ['customfield_10014', 'string'],
      ['customfield_10015', 'labels'],
    ]);
    expect(fields.items.find((f) => f.id === 'customfield_10010')?.allowedValues).toContainEqual({
      id: '10101',
      label: 'Payments',
    });
  });

  it("answers Jira's field errors as invalid_input fields, and creates a mirrored issue", async () => {
    const missing = await member.send('POST', `/api/integrations/${id}/issues`, {
      projectKey: 'OWL',
      issueTypeId: STORY,
      fields: { summary: 'No team' },
    });
    expect(missing.status).toBe(400);
    const error = (
      (await missing.json()) as { error: { code: string; fields: Record<string, string> } }
    ).error;
    expect(error.code).toBe('invalid_input');
    expect(error.fields.customfield_10010).toBe('Team is required.');
    const badNumber = await member.send('POST', `/api/integrations/${id}/issues`, {
      projectKey: 'OWL',
      issueTypeId: STORY,
      fields: { ...storyFields('x'), customfield_10012: 'many' },
    });
    expect(
      ((await badNumber.json()) as { error: { fields: Record<string, string> } }).error.fields,
    ).toEqual({
      customfield_10012: 'Enter a number.',
    });

    const created = await member.send('POST', `/api/integrations/${id}/issues`, {
      projectKey: 'OWL',
      issueTypeId: STORY,
      fields: storyFields('Made in OwlHub'),
    });
    expect(created.status).toBe(201);
    const issue = (await created.json()) as MirrorIssueDetail;
    expect(issue).toMatchObject({
      projectKey: 'OWL',
      summary: 'Made in OwlHub',
      issueType: 'Story',
    });
    expect(issue.fields).toMatchObject({
      customfield_10012: 3,
      customfield_10015: ['alpha', 'beta'],
    });
    const mirrored = await member.get(`/api/integrations/${id}/issues/${issue.key}`);
    expect(((await mirrored.json()) as MirrorIssueDetail).summary).toBe('Made in OwlHub');
  });

  it('makes one issue for two creates with the same Idempotency-Key, one after the other and at once', async () => {
    const before = sandbox.listIssues().length;
    const first = await createWith('key-1', 'Once');
    const again = await createWith('key-1', 'Once');
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const [a, b] = [
      (await first.json()) as MirrorIssueDetail,
      (await again.json()) as MirrorIssueDetail,
    ];
    expect(b.key).toBe(a.key);
    expect(sandbox.listIssues().length).toBe(before + 1);

    const other = await createWith('key-1', 'Another body');
    expect(other.status).toBe(409);

    const racing = await Promise.all([
      createWith('key-2', 'Racing'),
      createWith('key-2', 'Racing'),
    ]);
    expect(racing.map((r) => r.status)).toEqual([201, 201]);
    const keys = await Promise.all(
      racing.map(async (r) => ((await r.json()) as MirrorIssueDetail).key),
    );
    expect(keys[0]).toBe(keys[1]);
    expect(sandbox.listIssues().filter((i) => i.summary === 'Racing')).toHaveLength(1);
    expect(sandbox.listIssues().length).toBe(before + 2);
  });

  it('transitions, comments (idempotently), assigns, and the mirror shows each at once', async () => {
    const key = sandbox.listIssues()[2]?.key ?? '';
    const list = (await (
      await member.get(`/api/integrations/${id}/issues/${key}/transitions`)
    ).json()) as { items: IssueTransition[] };
    const done = list.items.find((t) => t.toStatus === 'Done');
    const moved = await member.send('POST', `/api/integrations/${id}/issues/${key}/transitions`, {
      transitionId: done?.id,
    });
    expect(((await moved.json()) as MirrorIssueDetail).status).toBe('Done');

    const comment = () =>
      api.request(`/api/integrations/${id}/issues/${key}/comments`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: member.cookie,
          'x-csrf-token': member.csrfToken,
          'idempotency-key': 'comment-1',
        },
        body: JSON.stringify({ body: 'Shipped in build quokka7.' }),
      });
    const commentsBefore = sandbox.getIssue(key)?.commentCount ?? 0;
    const [c1, c2] = [await comment(), await comment()];
    expect([c1.status, c2.status]).toEqual([201, 201]);
    expect(sandbox.getIssue(key)?.commentCount).toBe(commentsBefore + 1);
    const mirrored = (await (
      await member.get(`/api/integrations/${id}/issues/${key}`)
    ).json()) as MirrorIssueDetail;
    expect(JSON.stringify(mirrored.comments.at(-1))).toContain('quokka7');
    expect(mirrored.status).toBe('Done');
    // Searchable at once too: the comment's words are indexed with the write.
    const found = (await (await member.get(`/api/integrations/${id}/issues?q=quokka7`)).json()) as {
      items: { key: string }[];
    };
    expect(found.items.map((issue) => issue.key)).toEqual([key]);

    const accountId = sandbox.listIssues()[0]?.reporterId ?? '';
    const assigned = await member.send('PUT', `/api/integrations/${id}/issues/${key}/assignee`, {
      accountId,
    });
    expect(((await assigned.json()) as MirrorIssueDetail).assignee?.id).toBe(accountId);
    const cleared = await member.send('PUT', `/api/integrations/${id}/issues/${key}/assignee`, {
      accountId: null,
    });
    expect(((await cleared.json()) as MirrorIssueDetail).assignee).toBeNull();
    const unknown = await member.send('PUT', `/api/integrations/${id}/issues/${key}/assignee`, {
      accountId: 'ghost',
    });
    expect(unknown.status).toBe(400);
    const onDc = await member.send('PUT', `/api/integrations/${id}/issues/${key}/assignee`, {
      name: 'fred',
    });
    expect(onDc.status).toBe(400);
  });

  it('refuses every action to a viewer (403) and changes nothing in Jira', async () => {
    const key = sandbox.listIssues()[3]?.key ?? '';
    const before = JSON.stringify(sandbox.listIssues());
    const calls: [string, string, unknown][] = [
      ['GET', `/api/integrations/${id}/projects/OWL/create-meta`, undefined],
      ['GET', `/api/integrations/${id}/projects/OWL/create-meta/${STORY}`, undefined],
      [
        'POST',
        `/api/integrations/${id}/issues`,
        { projectKey: 'OWL', issueTypeId: '10001', fields: { summary: 'x' } },
      ],
      ['GET', `/api/integrations/${id}/issues/${key}/transitions`, undefined],
      ['POST', `/api/integrations/${id}/issues/${key}/transitions`, { transitionId: '11' }],
      ['POST', `/api/integrations/${id}/issues/${key}/comments`, { body: 'x' }],
      ['PUT', `/api/integrations/${id}/issues/${key}/assignee`, { accountId: null }],
    ];
    for (const [method, path, body] of calls) {
      const response =
        method === 'GET' ? await viewer.get(path) : await viewer.send(method, path, body);
      expect(`${method} ${path} ${response.status}`).toBe(`${method} ${path} 403`);
    }
    expect(JSON.stringify(sandbox.listIssues())).toBe(before);
  });

  it('audits integration changes and writes to Jira for admins only, without secrets', async () => {
    await createWith('audited', 'Audited');
    await admin.send('PATCH', `/api/integrations/${id}`, { name: 'Renamed' });
    const page = (await (await admin.get(`/api/audit?integrationId=${id}&limit=50`)).json()) as {
      items: AuditEntryView[];
    };
    const actions = page.items.map((e) => `${e.action} ${e.outcome} ${e.actor.label ?? ''}`);
    expect(actions).toEqual([
      'integration.update ok admin@example.com',
      'jira.issue.create ok member@example.com',
      'integration.create ok admin@example.com',
    ]);
    const created = page.items.at(-1);
    expect(created?.summary.token).toBe('[redacted]');
    if (sandbox.credentials.flavor !== 'cloud') throw new Error('expected cloud');
    expect(JSON.stringify(page)).not.toContain(sandbox.credentials.apiToken);
    expect((await member.get('/api/audit')).status).toBe(403);

    const first = (await (await admin.get('/api/audit?limit=1')).json()) as {
      nextCursor: string;
    };
    const next = (await (
      await admin.get(`/api/audit?limit=1&cursor=${first.nextCursor}`)
    ).json()) as {
      items: AuditEntryView[];
    };
    expect(next.items[0]?.action).toBe('jira.issue.create');

    // Verifying and deleting are audited too, and the entries outlive the integration.
    expect((await admin.send('POST', `/api/integrations/${id}/verify`)).status).toBe(202);
    expect((await viewer.send('DELETE', `/api/integrations/${id}`)).status).toBe(403);
    expect((await admin.send('DELETE', `/api/integrations/${id}`)).status).toBe(204);
    const after = (await (await admin.get(`/api/audit?integrationId=${id}&limit=3`)).json()) as {
      items: AuditEntryView[];
    };
    expect(after.items.map((e) => `${e.action} ${e.outcome} ${e.errorCode ?? ''}`)).toEqual([
      'integration.delete ok ',
      'integration.delete error forbidden',
      'integration.verify ok ',
    ]);
  });

  it('names the API key that wrote to Jira, not only its owner', async () => {
    const created = (await (
      await member.send('POST', '/api/api-keys', { name: 'ci bot' })
    ).json()) as {
      id: string;
      key: string;
    };
    const key = sandbox.listIssues()[3]?.key ?? '';
    const commented = await api.request(`/api/integrations/${id}/issues/${key}/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${created.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'From CI.' }),
    });
    expect(commented.status).toBe(201);
    const page = (await (await admin.get(`/api/audit?integrationId=${id}&limit=1`)).json()) as {
      items: AuditEntryView[];
    };
    expect(page.items[0]?.actor).toEqual({
      type: 'api_key',
      id: created.id,
      label: 'member@example.com (API key "ci bot")',
    });
  });
});

describe.each(DIALECTS)('actions on a Data Center Jira on %s', (dialect) => {
  let sandbox: Sandbox;
  let storage: Storage;
  let api: TestApi;
  let admin: Browser;

  beforeAll(async () => {
    sandbox = await startSandbox({ flavor: 'datacenter', projects: 1, issues: 4, seed: 8 });
    storage = await createTestStorage(dialect);
    api = await createTestApi(storage);
    admin = await logIn(api, { email: 'admin@example.com', password: PASSWORD, name: 'A' }, true);
  });
  afterAll(async () => {
    await api.close();
    await storage.close();
    await sandbox.stop();
  });

  it('creates, comments in wiki text and assigns by username', async () => {
    if (sandbox.credentials.flavor !== 'datacenter') throw new Error('expected Data Center');
    const created = await admin.send('POST', '/api/integrations', {
      type: 'jira',
      siteUrl: sandbox.url,
      authType: 'personal_access_token',
      token: sandbox.credentials.personalAccessToken,
      allowInsecureHttp: true,
    });
    const { id } = (await created.json()) as IntegrationView;
    await waitFor(
      async () => (await (await admin.get(`/api/integrations/${id}`)).json()) as IntegrationView,
      (view) => view.status === 'connected',
    );
    const issue = await admin.send('POST', `/api/integrations/${id}/issues`, {
      projectKey: 'OWL',
      issueTypeId: '10001',
      fields: { summary: 'On Data Center', description: 'Plain *text*' },
    });
    expect(issue.status).toBe(201);
    const { key, fields } = (await issue.json()) as MirrorIssueDetail;
    expect(fields.description).toBe('Plain *text*');

    const commented = await admin.send('POST', `/api/integrations/${id}/issues/${key}/comments`, {
      body: 'Wiki *bold*',
    });
    const { issue: withComment } = (await commented.json()) as { issue: MirrorIssueDetail };
    expect(withComment.comments.at(-1)).toMatchObject({ body: 'Wiki *bold*' });

    const name = sandbox.credentials.username;
    const assigned = await admin.send('PUT', `/api/integrations/${id}/issues/${key}/assignee`, {
      name,
    });
    expect(((await assigned.json()) as MirrorIssueDetail).assignee).not.toBeNull();
    const unknown = await admin.send('PUT', `/api/integrations/${id}/issues/${key}/assignee`, {
      name: 'ghost',
    });
    expect(unknown.status).toBe(404);
  });
});
