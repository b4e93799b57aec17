import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index.ts';
import { authHeader, call } from './test-client.ts';

describe('cloud sandbox: authentication, permissions, users and stats', () => {
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
