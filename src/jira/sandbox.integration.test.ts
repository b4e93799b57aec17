import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPolicyDispatcher } from '../net/index.ts';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import type { JiraAuth } from './auth.ts';
import { createJiraClient, type JiraClient } from './client.ts';
import { commentBody } from './endpoints/issues.ts';
import {
  paginateLegacySearch,
  paginateProjects,
  paginateSearchJql,
  type PageResult,
} from './paging.ts';
import { grantedPermissions, OWLHUB_PERMISSIONS } from './schemas/permissions.ts';
import { detectDeployment } from './schemas/server-info.ts';

async function all<T>(pages: AsyncGenerator<PageResult<T>>): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) {
    if (!page.ok) throw new Error(`paging failed: ${page.error.kind}`);
    items.push(...page.items);
  }
  return items;
}

describe.each([
  { flavor: 'cloud' as const, basePath: '', apiVersion: 3 as const },
  { flavor: 'datacenter' as const, basePath: '/jira', apiVersion: 2 as const },
])('against the $flavor sandbox', ({ flavor, basePath, apiVersion }) => {
  let sandbox: Sandbox;
  let client: JiraClient;
  const clientWith = (auth: JiraAuth, maxAttempts = 1) =>
    createJiraClient({
      baseUrl: sandbox.url,
      auth,
      apiVersion,
      dispatcher: createPolicyDispatcher({
        policy: { allowPrivateNetworks: false, allowedHosts: [{ host: '127.0.0.1' }] },
      }),
      retry: { maxAttempts },
      clock: { sleep: () => Promise.resolve() },
    });

  beforeAll(async () => {
    sandbox = await startSandbox({ flavor, basePath, projects: 2, issues: 30, seed: 7 });
    const c = sandbox.credentials;
    client = clientWith(
      c.flavor === 'cloud'
        ? { kind: 'cloud_basic', email: c.email, apiToken: c.apiToken }
        : { kind: 'bearer', token: c.personalAccessToken },
      3,
    );
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('is detected from anonymous serverInfo', async () => {
    const info = await client.serverInfo();
    expect(info.ok && detectDeployment(info.value)).toBe(flavor);
  });

  it('proves the credentials with myself and rejects bad ones', async () => {
    const me = await client.myself();
    expect(me.ok && me.value.displayName).toBeTruthy();
    const bad: JiraAuth =
      flavor === 'cloud'
        ? { kind: 'cloud_basic', email: 'x@example.com', apiToken: 'wrong-token' }
        : { kind: 'bearer', token: 'wrong-token' };
    const denied = await clientWith(bad).myself();
    expect(denied).toMatchObject({ ok: false, error: { kind: 'unauthorized', status: 401 } });
  });

  it('reads permissions, projects and metadata', async () => {
    const permissions = await client.myPermissions();
    expect(
      permissions.ok &&
        grantedPermissions(permissions.value, OWLHUB_PERMISSIONS)['BROWSE_PROJECTS'],
    ).toBe(true);
    const projects =
      flavor === 'cloud'
        ? await all(paginateProjects(client, 1))
        : await client.listProjects().then((r) => (r.ok ? r.value : []));
    expect(projects).toHaveLength(2);
    for (const list of [
      client.issueTypes(),
      client.statuses(),
      client.priorities(),
      client.fields(),
    ]) {
      const result = await list;
      expect(result.ok && result.value.length).toBeGreaterThan(0);
    }
  });

  it('pages through every issue of a project', async () => {
    const [first] = sandbox.listIssues();
    if (first === undefined) throw new Error('no issues');
    const projectKey = first.key.split('-')[0] ?? '';
    const expected = sandbox
      .listIssues()
      .filter((issue) => issue.key.startsWith(`${projectKey}-`)).length;
    const request = {
      jql: `project = ${projectKey} ORDER BY id`,
      fields: ['summary', 'updated', 'project'],
      maxResults: 7,
    };
    const issues =
      flavor === 'cloud'
        ? await all(paginateSearchJql(client, request))
        : await all(paginateLegacySearch(client, request));
    expect(issues).toHaveLength(expected);
    expect(new Set(issues.map((issue) => issue.id)).size).toBe(expected);
  });

  it('creates, comments and transitions an issue', async () => {
    const [first] = sandbox.listIssues();
    if (first === undefined) throw new Error('no issues');
    const issue = await client.getIssue(first.key);
    expect(issue.ok && issue.value.key).toBe(first.key);
    const comment = await client.addComment(
      first.key,
      commentBody('Hello from OwlHub', apiVersion),
    );
    expect(comment.ok).toBe(true);
    const comments = await client.getComments(first.key);
    expect(comments.ok && comments.value.comments.length).toBeGreaterThan(0);
    const transitions = await client.getTransitions(first.key);
    const [transition] = transitions.ok ? transitions.value : [];
    if (transition === undefined) throw new Error('no transition');
    expect(await client.doTransition(first.key, { transitionId: transition.id })).toMatchObject({
      ok: true,
    });
  });
});

describe('sandbox specifics', () => {
  const dispatcher = () =>
    createPolicyDispatcher({
      policy: { allowPrivateNetworks: false, allowedHosts: [{ host: '127.0.0.1' }] },
    });

  it('Cloud: legacy search is gone, bulk fetch and counts work, issues can be created', async () => {
    const sandbox = await startSandbox({ flavor: 'cloud', projects: 1, issues: 5, seed: 3 });
    try {
      const c = sandbox.credentials;
      if (c.flavor !== 'cloud') throw new Error('flavor');
      const client = createJiraClient({
        baseUrl: sandbox.url,
        auth: { kind: 'cloud_basic', email: c.email, apiToken: c.apiToken },
        apiVersion: 3,
        dispatcher: dispatcher(),
      });
      expect(await client.searchLegacy({ jql: 'order by id' })).toMatchObject({
        ok: false,
        error: { kind: 'gone', status: 410 },
      });
      const keys = sandbox.listIssues().map((issue) => issue.key);
      const fetched = await client.bulkFetch(keys, ['summary']);
      expect(fetched.ok && fetched.value.issues.map((issue) => issue.key).sort()).toEqual(
        [...keys].sort(),
      );
      const projectKey = keys[0]?.split('-')[0] ?? '';
      const count = await client.approximateCount(`project = ${projectKey}`);
      expect(count.ok && count.value.count).toBe(keys.length);
      const types = await client.issueTypes();
      const type = types.ok ? types.value.find((t) => t.subtask !== true) : undefined;
      const created = await client.createIssue({
        project: { key: projectKey },
        summary: 'From OwlHub',
        issuetype: { id: type?.id },
      });
      expect(created.ok && sandbox.getIssue(created.value.key)?.key).toBe(
        created.ok ? created.value.key : 'x',
      );
    } finally {
      await sandbox.stop();
    }
  });

  it('Data Center: repeated failed Basic logins end in a CAPTCHA lockout', async () => {
    const sandbox = await startSandbox({
      flavor: 'datacenter',
      projects: 1,
      issues: 1,
      captchaAfterFailures: 2,
    });
    try {
      const c = sandbox.credentials;
      if (c.flavor !== 'datacenter') throw new Error('flavor');
      const client = createJiraClient({
        baseUrl: sandbox.url,
        auth: { kind: 'basic', username: c.username, password: 'wrong' },
        apiVersion: 2,
        dispatcher: dispatcher(),
        retry: { maxAttempts: 1 },
      });
      const results = [await client.myself(), await client.myself(), await client.myself()];
      expect(results.map((r) => (r.ok ? 'ok' : r.error.kind))).toEqual([
        'unauthorized',
        'unauthorized',
        'captcha',
      ]);
    } finally {
      await sandbox.stop();
    }
  });
});
