import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendJson } from '../net/testing/local-server.ts';
import {
  paginateComments,
  paginateLegacySearch,
  paginateProjects,
  paginateSearchJql,
  type PageResult,
} from './paging.ts';
import { startFakeJira, type FakeJira } from './testing/fake-jira.ts';

let jira: FakeJira;
beforeAll(async () => {
  jira = await startFakeJira();
});
afterEach(() => {
  expect(jira.unexpected).toEqual([]);
  jira.routes.clear();
});
afterAll(async () => {
  await jira.close();
});

const issues = Array.from({ length: 5 }, (_, i) => ({
  id: String(10000 + i),
  key: `AB-${i + 1}`,
  fields: {},
}));

async function collect<T>(pages: AsyncGenerator<PageResult<T>>) {
  const out: Array<{ items: number; resume: string | number | undefined } | { error: string }> = [];
  for await (const page of pages)
    out.push(
      page.ok ? { items: page.items.length, resume: page.resume } : { error: page.error.kind },
    );
  return out;
}

describe('paging helpers', () => {
  it('searchJql follows tokens through short pages until isLast', async () => {
    // Page sizes 2, 0, 3: a short (even empty) page does not mean the end.
    const pages: Record<string, object> = {
      start: { issues: issues.slice(0, 2), nextPageToken: 'p2' },
      p2: { issues: [], nextPageToken: 'p3' },
      p3: { issues: issues.slice(2), isLast: true },
    };
    jira.routes.set('POST /rest/api/3/search/jql', (req, res) => {
      const token = (JSON.parse(req.body) as { nextPageToken?: string }).nextPageToken ?? 'start';
      sendJson(res, 200, pages[token]);
    });
    const client = jira.client({ apiVersion: 3 });
    expect(
      await collect(paginateSearchJql(client, { jql: 'project = AB', maxResults: 100 })),
    ).toEqual([
      { items: 2, resume: 'p2' },
      { items: 0, resume: 'p3' },
      { items: 3, resume: undefined },
    ]);
    expect(await collect(paginateSearchJql(client, { jql: 'project = AB' }, 'p3'))).toEqual([
      { items: 3, resume: undefined },
    ]);
  });

  it('searchJql stops on an error and says where to resume', async () => {
    jira.routes.set('POST /rest/api/3/search/jql', (req, res) => {
      if (req.body.includes('p2')) sendJson(res, 400, { errorMessages: ['token expired'] });
      else sendJson(res, 200, { issues: issues.slice(0, 1), nextPageToken: 'p2' });
    });
    expect(await collect(paginateSearchJql(jira.client({ apiVersion: 3 }), { jql: 'x' }))).toEqual([
      { items: 1, resume: 'p2' },
      { error: 'bad_request' },
    ]);
  });

  it('legacy search advances by what came back when maxResults is capped', async () => {
    jira.routes.set('POST /rest/api/2/search', (req, res) => {
      const { startAt } = JSON.parse(req.body) as { startAt: number };
      // Asked for 50, the server returns 2: it capped maxResults silently.
      sendJson(res, 200, {
        startAt,
        maxResults: 2,
        total: 5,
        issues: issues.slice(startAt, startAt + 2),
      });
    });
    expect(
      await collect(paginateLegacySearch(jira.client(), { jql: 'project = AB', maxResults: 50 })),
    ).toEqual([
      { items: 2, resume: 2 },
      { items: 2, resume: 4 },
      { items: 1, resume: undefined },
    ]);
  });

  it('projects and comments page until the end', async () => {
    jira.routes.set('GET /rest/api/3/project/search', (req, res) => {
      const startAt = Number(new URL(req.url, 'http://x').searchParams.get('startAt'));
      const values = [{ id: String(startAt), key: `P${startAt}`, name: 'P' }];
      sendJson(res, 200, { startAt, maxResults: 1, total: 2, isLast: startAt >= 1, values });
    });
    expect(await collect(paginateProjects(jira.client({ apiVersion: 3 }), 1))).toEqual([
      { items: 1, resume: 1 },
      { items: 1, resume: undefined },
    ]);
    jira.routes.set('GET /rest/api/2/issue/AB-1/comment', (req, res) => {
      const startAt = Number(new URL(req.url, 'http://x').searchParams.get('startAt'));
      const comments =
        startAt === 0
          ? [
              { id: '1', body: 'a' },
              { id: '2', body: 'b' },
            ]
          : [{ id: '3', body: 'c' }];
      sendJson(res, 200, { startAt, maxResults: 2, total: 3, comments });
    });
    expect(await collect(paginateComments(jira.client(), 'AB-1', 2))).toEqual([
      { items: 2, resume: 2 },
      { items: 1, resume: undefined },
    ]);
  });
});
