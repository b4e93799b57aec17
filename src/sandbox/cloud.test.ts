import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index.ts';
import { authHeader, call } from './test-client.ts';

interface IdPage {
  issues: { id: string; key?: string; fields?: Record<string, unknown> }[];
  nextPageToken?: string;
  isLast: boolean;
}

async function collectAll(
  sandbox: Sandbox,
  jql: string,
  maxResults: number,
  fields?: string,
): Promise<{ ids: string[]; pageSizes: number[] }> {
  const ids: string[] = [];
  const pageSizes: number[] = [];
  let token: string | undefined;
  for (;;) {
    const body: Record<string, unknown> = {
      jql,
      maxResults,
      ...(fields === undefined ? {} : { fields: [fields] }),
    };
    if (token !== undefined) body.nextPageToken = token;
    const response = await call(sandbox, '/rest/api/3/search/jql', { body });
    expect(response.status).toBe(200);
    const page = response.body as IdPage;
    ids.push(...page.issues.map((i) => i.id));
    pageSizes.push(page.issues.length);
    if (page.isLast) {
      expect(page.nextPageToken).toBeUndefined();
      return { ids, pageSizes };
    }
    token = page.nextPageToken;
  }
}

describe('cloud sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      flavor: 'cloud',
      issues: 600,
      projects: 3,
      seed: 7,
      pageCap: 100,
      timeZone: 'Australia/Sydney',
    });
  });
  afterAll(() => sandbox.stop());

  it('serves serverInfo anonymously as Cloud', async () => {
    const response = await call(sandbox, '/rest/api/3/serverInfo', { auth: null });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ deploymentType: 'Cloud', baseUrl: sandbox.url });
  });

  it('answers bad credentials with 401 on /myself and as anonymous with a seraph header elsewhere', async () => {
    const bad = `Basic ${Buffer.from('ada@owlhub.test:wrong').toString('base64')}`;
    const myself = await call(sandbox, '/rest/api/3/myself', { auth: bad });
    expect(myself.status).toBe(401);
    expect(myself.text).toBe('Client must be authenticated to access this resource.');
    expect(myself.headers.get('www-authenticate')).toContain('Basic');
    const info = await call(sandbox, '/rest/api/3/serverInfo', { auth: bad });
    expect(info.status).toBe(200);
    expect(info.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
    const projects = await call(sandbox, '/rest/api/3/project/search', { auth: bad });
    expect(projects.body).toMatchObject({ total: 0, values: [] });
  });

  it('reports the user time zone in /myself', async () => {
    const response = await call(sandbox, '/rest/api/3/myself');
    expect(response.body).toMatchObject({
      timeZone: 'Australia/Sydney',
      emailAddress: 'ada@owlhub.test',
    });
  });

  it("reads JQL dates in the user's time zone (from /myself) at minute precision", async () => {
    // 12:00:30 UTC on 10 June 2025 is 22:00:30 in Sydney (UTC+10 in winter).
    const issue = sandbox.createIssue({
      projectKey: 'OWL',
      summary: 'Time zone probe',
      created: Date.UTC(2025, 5, 10, 12, 0, 30),
    });
    const search = async (jql: string): Promise<string[]> => {
      const response = await call(sandbox, '/rest/api/3/search/jql', {
        body: { jql, fields: ['created'] },
      });
      return (response.body as IdPage).issues.map((i) => i.id);
    };
    expect(await search('created >= "2025-06-10 22:00" AND created < "2025-06-10 22:01"')).toEqual([
      issue.id,
    ]);
    expect(await search('created >= "2025-06-10 12:00" AND created < "2025-06-10 12:01"')).toEqual(
      [],
    );
    expect(await search(`created = ${Date.UTC(2025, 5, 10, 12, 0, 30)}`)).toEqual([issue.id]);
    const rendered = await call(sandbox, `/rest/api/3/issue/${issue.key}?fields=created`);
    expect(rendered.body).toMatchObject({ fields: { created: '2025-06-10T22:00:30.000+1000' } });
  });

  it('requires the permissions parameter on mypermissions', async () => {
    expect((await call(sandbox, '/rest/api/3/mypermissions')).status).toBe(400);
    const response = await call(
      sandbox,
      '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,CREATE_ISSUES',
    );
    expect(response.body).toMatchObject({
      permissions: {
        BROWSE_PROJECTS: { havePermission: true },
        CREATE_ISSUES: { havePermission: true },
      },
    });
  });

  it('pages project/search', async () => {
    const first = await call(sandbox, '/rest/api/3/project/search?maxResults=2');
    expect(first.body).toMatchObject({ startAt: 0, maxResults: 2, total: 3, isLast: false });
    const second = await call(sandbox, '/rest/api/3/project/search?maxResults=2&startAt=2');
    expect(second.body).toMatchObject({ total: 3, isLast: true });
  });

  it('answers 404 with Jira bodies for unknown issues and projects', async () => {
    const issue = await call(sandbox, '/rest/api/3/issue/NOPE-1');
    expect(issue.status).toBe(404);
    expect(issue.body).toEqual({
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
      errors: {},
    });
    const project = await call(sandbox, '/rest/api/3/project/NOPE');
    expect(project.status).toBe(404);
    expect((await call(sandbox, '/rest/api/3/no-such-resource')).body).toMatchObject({
      'status-code': 404,
    });
  });

  it('renders descriptions as ADF in v3 and wiki markup in v2', async () => {
    const issue = sandbox
      .listIssues()
      .find(
        (i) =>
          sandbox.renderIssue(i.key)?.fields !== undefined &&
          (sandbox.renderIssue(i.key, '2') as { fields: { description: unknown } }).fields
            .description !== null,
      );
    expect(issue).toBeDefined();
    const v3 = (await call(sandbox, `/rest/api/3/issue/${issue!.key}?fields=description`)).body as {
      fields: { description: { type: string } };
    };
    const v2 = (await call(sandbox, `/rest/api/2/issue/${issue!.key}?fields=description`)).body as {
      fields: { description: unknown };
    };
    expect(v3.fields.description.type).toBe('doc');
    expect(typeof v2.fields.description).toBe('string');
  });

  it('answers 410 on the removed legacy search, GET and POST, v2 and v3', async () => {
    for (const version of ['2', '3']) {
      const get = await call(sandbox, `/rest/api/${version}/search?jql=project=OWL`);
      const post = await call(sandbox, `/rest/api/${version}/search`, {
        body: { jql: 'project = OWL' },
      });
      expect(get.status).toBe(410);
      expect(post.status).toBe(410);
      expect((get.body as { errorMessages: string[] }).errorMessages[0]).toContain('CHANGE-2046');
    }
  });

  it('returns only ids unless fields are asked for, and refuses unbounded JQL', async () => {
    const ids = await call(sandbox, '/rest/api/3/search/jql?jql=project%20%3D%20OWL&maxResults=3');
    expect((ids.body as IdPage).issues[0]).toEqual({ id: expect.any(String) });
    const unbounded = await call(sandbox, '/rest/api/3/search/jql?jql=order%20by%20key');
    expect(unbounded.status).toBe(400);
    expect(unbounded.body).toEqual({
      errorMessages: [
        'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
      ],
      errors: {},
    });
  });

  it('reaches every issue exactly once with id-only pages of up to 5000', async () => {
    const total = sandbox.listIssues().length;
    const { ids, pageSizes } = await collectAll(
      sandbox,
      'created >= -1000w ORDER BY created ASC',
      10_000,
    );
    expect(pageSizes).toEqual([total]);
    expect(new Set(ids).size).toBe(total);
  });

  it('caps full-field pages silently and still reaches every issue exactly once', async () => {
    const total = sandbox.listIssues().length;
    const { ids, pageSizes } = await collectAll(
      sandbox,
      'project in (OWL, PAY, MOB) ORDER BY key',
      500,
      '*all',
    );
    expect(Math.max(...pageSizes)).toBeLessThanOrEqual(100);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  it('returns short pages while more remain when pages get large', async () => {
    sandbox.setLimits({ pageCap: 5000 });
    try {
      const total = sandbox.listIssues().length;
      const { ids, pageSizes } = await collectAll(sandbox, 'project is not EMPTY', 1000, '*all');
      expect(pageSizes[0]).toBeLessThan(total);
      expect(pageSizes.length).toBeGreaterThan(1);
      expect(new Set(ids).size).toBe(total);
    } finally {
      sandbox.setLimits({ pageCap: 100 });
    }
  });

  it('refuses a nextPageToken of another query', async () => {
    const first = (await call(sandbox, '/rest/api/3/search/jql?jql=project%3DOWL&maxResults=1'))
      .body as IdPage;
    const other = await call(
      sandbox,
      `/rest/api/3/search/jql?jql=project%3DPAY&nextPageToken=${first.nextPageToken ?? ''}`,
    );
    expect(other.status).toBe(400);
  });

  it('bulk-fetches up to 100 issues in id order, with errors for unknown ones', async () => {
    const [a, b] = sandbox.listIssues();
    const response = await call(sandbox, '/rest/api/3/issue/bulkfetch', {
      body: { issueIdsOrKeys: [b!.key, a!.id, 'NOPE-9'], fields: ['summary'] },
    });
    const body = response.body as {
      issues: { id: string; fields: Record<string, unknown> }[];
      issueErrors: unknown[];
    };
    expect(body.issues.map((i) => i.id)).toEqual([a!.id, b!.id]);
    expect(Object.keys(body.issues[0]!.fields)).toEqual(['summary']);
    expect(body.issueErrors).toHaveLength(1);
    const tooMany = await call(sandbox, '/rest/api/3/issue/bulkfetch', {
      body: { issueIdsOrKeys: Array.from({ length: 101 }, (_, i) => String(i)) },
    });
    expect(tooMany.status).toBe(400);
  });

  it('counts approximately (here exactly)', async () => {
    const response = await call(sandbox, '/rest/api/3/search/approximate-count', {
      body: { jql: 'project = OWL' },
    });
    expect(response.body).toEqual({
      count: sandbox.listIssues().filter((i) => i.projectKey === 'OWL').length,
    });
  });

  it('finds a moved issue by its old key, with the same id and a new key', async () => {
    const original = sandbox.getIssue('PAY-3')!;
    const moved = sandbox.moveIssue('PAY-3', 'MOB');
    expect(moved.id).toBe(original.id);
    expect(moved.key).toMatch(/^MOB-\d+$/);
    const byOldKey = await call(sandbox, '/rest/api/3/issue/PAY-3?fields=summary');
    expect(byOldKey.body).toMatchObject({ id: original.id, key: moved.key });
    const search = await call(
      sandbox,
      `/rest/api/3/search/jql?jql=${encodeURIComponent(`key = ${moved.key}`)}&fields=key`,
    );
    expect((search.body as IdPage).issues).toEqual([{ id: original.id, key: moved.key }]);
  });

  it('pages comments, some issues having more than one page', async () => {
    const busy = sandbox.listIssues().find((i) => i.commentCount > 100)!;
    const first = (await call(sandbox, `/rest/api/3/issue/${busy.key}/comment`)).body as {
      comments: unknown[];
      total: number;
      startAt: number;
    };
    expect(first.comments).toHaveLength(100);
    expect(first.total).toBe(busy.commentCount);
    const rest = (await call(sandbox, `/rest/api/3/issue/${busy.key}/comment?startAt=100`))
      .body as { comments: unknown[] };
    expect(rest.comments).toHaveLength(busy.commentCount - 100);
  });

  it('creates issues, transitions them and adds comments through the API', async () => {
    const description = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'From the test' }] }],
    };
    const created = await call(sandbox, '/rest/api/3/issue', {
      body: {
        fields: {
          project: { key: 'OWL' },
          issuetype: { name: 'Task' },
          summary: 'Created by a test',
          description,
        },
      },
    });
    expect(created.status).toBe(201);
    const { key } = created.body as { key: string };
    expect(sandbox.getIssue(key)?.summary).toBe('Created by a test');
    const invalid = await call(sandbox, '/rest/api/3/issue', {
      body: {
        fields: { project: { key: 'OWL' }, issuetype: { name: 'Task' }, description: 'plain' },
      },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      errors: { summary: 'You must specify a summary of the issue.' },
    });
    const transitions = (await call(sandbox, `/rest/api/3/issue/${key}/transitions`)).body as {
      transitions: { id: string; name: string }[];
    };
    const done = transitions.transitions.find((t) => t.name === 'Done')!;
    expect(
      (
        await call(sandbox, `/rest/api/3/issue/${key}/transitions`, {
          body: { transition: { id: done.id } },
        })
      ).status,
    ).toBe(204);
    expect(sandbox.getIssue(key)?.statusCategory).toBe('done');
    const comment = await call(sandbox, `/rest/api/3/issue/${key}/comment`, {
      body: { body: description },
    });
    expect(comment.status).toBe(201);
    const wiki = await call(sandbox, `/rest/api/3/issue/${key}/comment`, {
      body: { body: 'wiki text' },
    });
    expect(wiki.status).toBe(400);
  });

  it('lets a limited user authenticate but browse nothing, and revoked tokens get 401', async () => {
    const limited = sandbox.addUser({ name: 'viewer', browse: [] });
    const auth = authHeader(limited);
    expect((await call(sandbox, '/rest/api/3/myself', { auth })).status).toBe(200);
    expect((await call(sandbox, '/rest/api/3/project/search', { auth })).body).toMatchObject({
      total: 0,
    });
    const perms = await call(sandbox, '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS', {
      auth,
    });
    expect(perms.body).toMatchObject({
      permissions: { BROWSE_PROJECTS: { havePermission: false } },
    });
    sandbox.revokeCredentials(limited);
    expect((await call(sandbox, '/rest/api/3/myself', { auth })).status).toBe(401);
    sandbox.restoreCredentials(limited);
    expect((await call(sandbox, '/rest/api/3/myself', { auth })).status).toBe(200);
  });

  it('can make search eventually consistent, as Cloud search is', async () => {
    const search = async (jql: string): Promise<IdPage['issues']> =>
      (
        (await call(sandbox, '/rest/api/3/search/jql', { body: { jql, fields: ['summary'] } }))
          .body as IdPage
      ).issues;
    sandbox.setLimits({ searchLagMs: 60_000 });
    try {
      const fresh = sandbox.createIssue({ projectKey: 'OWL', summary: 'Laggard newcomer' });
      const old = sandbox.listIssues()[0]!;
      sandbox.updateIssue(old.key, { summary: 'Renamed zebra' });
      expect(await search('summary ~ "laggard newcomer"')).toEqual([]);
      expect(await search('summary ~ zebra')).toEqual([]);
      // The index still matches the old summary, but the issue is served as it is now.
      const stale = await search(`summary ~ "${old.summary}" AND key = ${old.key}`);
      expect(stale).toEqual([
        {
          expand: expect.any(String),
          id: old.id,
          self: expect.any(String),
          key: old.key,
          fields: { summary: 'Renamed zebra' },
        },
      ]);
      expect((await call(sandbox, `/rest/api/3/issue/${fresh.key}`)).status).toBe(200);
      sandbox.setLimits({ searchLagMs: 0 });
      expect((await search('summary ~ "laggard newcomer"')).map((i) => i.id)).toEqual([fresh.id]);
      expect((await search('summary ~ zebra')).map((i) => i.id)).toEqual([old.id]);
    } finally {
      sandbox.setLimits({ searchLagMs: 0 });
    }
  });

  it('refuses writes from anonymous callers with a 401 ErrorCollection', async () => {
    const response = await call(sandbox, '/rest/api/3/issue/OWL-1/comment', {
      auth: null,
      body: { body: 'x' },
    });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      errorMessages: [
        'You are not authenticated. Authentication required to perform this operation.',
      ],
      errors: {},
    });
  });

  it('counts requests per route', async () => {
    sandbox.resetStats();
    await call(sandbox, '/rest/api/3/serverInfo');
    await call(sandbox, '/rest/api/3/serverInfo');
    expect(sandbox.requestCount).toBe(2);
    expect(sandbox.stats().byRoute).toEqual({ 'GET /rest/api/3/serverInfo': 2 });
  });
});
