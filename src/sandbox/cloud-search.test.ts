import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index.ts';
import { call } from './test-client.ts';

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

describe('cloud sandbox: search/jql, bulkfetch, approximate count, legacy search', () => {
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
      const reconciled = await call(sandbox, '/rest/api/3/search/jql', {
        body: { jql: 'summary ~ "laggard newcomer"', reconcileIssues: [Number(fresh.id)] },
      });
      expect((reconciled.body as IdPage).issues).toEqual([{ id: fresh.id }]);
      sandbox.setLimits({ searchLagMs: 0 });
      expect((await search('summary ~ "laggard newcomer"')).map((i) => i.id)).toEqual([fresh.id]);
      expect((await search('summary ~ zebra')).map((i) => i.id)).toEqual([old.id]);
    } finally {
      sandbox.setLimits({ searchLagMs: 0 });
    }
  });
});
