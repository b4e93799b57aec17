import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendJson } from '../net/testing/local-server.ts';
import { commentBody } from './endpoints/issues.ts';
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

const last = () => {
  const request = jira.server.requests.at(-1);
  if (request === undefined) throw new Error('no request');
  return {
    ...request,
    query: new URL(request.url, 'http://x').searchParams,
    json: request.body === '' ? undefined : JSON.parse(request.body),
  };
};
const issue = {
  id: '10001',
  key: 'AB-1',
  fields: {
    summary: 'Hello',
    updated: '2026-01-01T00:00:00.000+0000',
    project: { id: '1', key: 'AB' },
  },
};

describe('endpoints send what Jira expects', () => {
  it('mypermissions asks for the permissions OwlHub uses', async () => {
    jira.routes.set('GET /rest/api/3/mypermissions', (_req, res) =>
      sendJson(res, 200, { permissions: { BROWSE_PROJECTS: { havePermission: true } } }),
    );
    const result = await jira.client({ apiVersion: 3 }).myPermissions({ projectKey: 'AB' });
    expect(result.ok).toBe(true);
    expect(last().query.get('permissions')).toBe(
      'BROWSE_PROJECTS,CREATE_ISSUES,EDIT_ISSUES,TRANSITION_ISSUES,ADD_COMMENTS',
    );
    expect(last().query.get('projectKey')).toBe('AB');
  });

  it('searchJql posts jql, fields and the page token', async () => {
    jira.routes.set('POST /rest/api/3/search/jql', (_req, res) =>
      sendJson(res, 200, { issues: [issue], nextPageToken: 't2' }),
    );
    const result = await jira.client({ apiVersion: 3 }).searchJql({
      jql: 'project = AB',
      fields: ['summary', 'updated'],
      maxResults: 100,
      nextPageToken: 't1',
    });
    expect(result).toMatchObject({ ok: true, value: { issues: [issue], nextPageToken: 't2' } });
    expect(last().json).toEqual({
      jql: 'project = AB',
      fields: ['summary', 'updated'],
      maxResults: 100,
      nextPageToken: 't1',
    });
    expect(last().headers['content-type']).toBe('application/json');
  });

  it('searchJql accepts id-only hits, as Cloud sends when no fields are asked for', async () => {
    jira.routes.set('POST /rest/api/3/search/jql', (_req, res) =>
      sendJson(res, 200, { issues: [{ id: '10001' }], isLast: true }),
    );
    expect(await jira.client({ apiVersion: 3 }).searchJql({ jql: 'project = AB' })).toMatchObject({
      ok: true,
      value: { issues: [{ id: '10001', fields: {} }], isLast: true },
    });
  });

  it('bulkFetch posts ids and refuses more than 100', async () => {
    jira.routes.set('POST /rest/api/3/issue/bulkfetch', (_req, res) =>
      sendJson(res, 200, { issues: [issue], issueErrors: [{ id: '999', errorMessage: 'gone' }] }),
    );
    const client = jira.client({ apiVersion: 3 });
    expect(await client.bulkFetch(['10001', '999'], ['summary'])).toMatchObject({
      ok: true,
      value: { issueErrors: [{ id: '999' }] },
    });
    expect(last().json).toEqual({ issueIdsOrKeys: ['10001', '999'], fields: ['summary'] });
    expect(() => client.bulkFetch(Array.from({ length: 101 }, (_, i) => String(i)))).toThrow(
      RangeError,
    );
  });

  it('approximateCount', async () => {
    jira.routes.set('POST /rest/api/3/search/approximate-count', (_req, res) =>
      sendJson(res, 200, { count: 153 }),
    );
    expect(await jira.client({ apiVersion: 3 }).approximateCount('project = AB')).toMatchObject({
      ok: true,
      value: { count: 153 },
    });
  });

  it('getIssue encodes the key as one path segment', async () => {
    jira.routes.set('GET /rest/api/2/issue/A%2FB', (_req, res) => sendJson(res, 200, issue));
    expect(
      await jira.client().getIssue('A/B', { fields: ['*all'], expand: ['names'] }),
    ).toMatchObject({ ok: true, value: issue });
    expect(last().query.get('fields')).toBe('*all');
  });

  it('createIssue, transitions and comments', async () => {
    const client = jira.client({ apiVersion: 3 });
    jira.routes.set('POST /rest/api/3/issue', (_req, res) =>
      sendJson(res, 201, { id: '10002', key: 'AB-2', self: 'x' }),
    );
    expect(await client.createIssue({ project: { key: 'AB' }, summary: 'New' })).toMatchObject({
      ok: true,
      value: { key: 'AB-2' },
    });
    expect(last().json).toEqual({ fields: { project: { key: 'AB' }, summary: 'New' } });

    jira.routes.set('GET /rest/api/3/issue/AB-2/transitions', (_req, res) =>
      sendJson(res, 200, {
        transitions: [{ id: '31', name: 'Done', to: { id: '3', name: 'Done' } }],
      }),
    );
    expect(await client.getTransitions('AB-2')).toMatchObject({ ok: true, value: [{ id: '31' }] });
    expect(last().query.get('expand')).toBe('transitions.fields');

    jira.routes.set('POST /rest/api/3/issue/AB-2/transitions', (_req, res) =>
      res.writeHead(204).end(),
    );
    expect(
      await client.doTransition('AB-2', {
        transitionId: '31',
        fields: { resolution: { name: 'Done' } },
      }),
    ).toMatchObject({ ok: true, value: undefined, meta: { status: 204 } });
    expect(last().json).toEqual({
      transition: { id: '31' },
      fields: { resolution: { name: 'Done' } },
    });

    jira.routes.set('POST /rest/api/3/issue/AB-2/comment', (req, res) =>
      sendJson(res, 201, { id: '7', body: JSON.parse(req.body).body }),
    );
    const body = commentBody('Hello\n\nWorld', 3);
    expect(await client.addComment('AB-2', body)).toMatchObject({
      ok: true,
      value: { id: '7', body },
    });
    expect(body).toEqual({
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'World' }] },
      ],
    });
    expect(commentBody('plain', 2)).toBe('plain');
  });

  it('lists DC projects as a bare array and Cloud projects as pages', async () => {
    jira.routes.set('GET /rest/api/2/project', (_req, res) =>
      sendJson(res, 200, [{ id: '1', key: 'AB', name: 'A B' }]),
    );
    expect(await jira.client().listProjects()).toMatchObject({ ok: true, value: [{ key: 'AB' }] });
    jira.routes.set('GET /rest/api/3/project/search', (_req, res) =>
      sendJson(res, 200, {
        startAt: 0,
        maxResults: 50,
        total: 1,
        isLast: true,
        values: [{ id: '1', key: 'AB', name: 'A B' }],
      }),
    );
    expect(await jira.client({ apiVersion: 3 }).searchProjects({ maxResults: 50 })).toMatchObject({
      ok: true,
      value: { isLast: true },
    });
  });

  it('metadata lists', async () => {
    jira.routes.set('GET /rest/api/2/issuetype', (_req, res) =>
      sendJson(res, 200, [{ id: '1', name: 'Bug', subtask: false }]),
    );
    jira.routes.set('GET /rest/api/2/priority', (_req, res) =>
      sendJson(res, 200, [{ id: '3', name: 'Medium' }]),
    );
    const client = jira.client();
    expect(await client.issueTypes()).toMatchObject({ ok: true, value: [{ name: 'Bug' }] });
    expect(await client.priorities()).toMatchObject({ ok: true, value: [{ name: 'Medium' }] });
  });
});
