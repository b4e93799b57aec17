import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendJson } from '../net/testing/local-server.ts';
import { createJiraClient } from './client.ts';
import { jiraErrorCode } from './error-code.ts';
import { startFakeJira, type FakeJira } from './testing/fake-jira.ts';

let jira: FakeJira;
beforeAll(async () => {
  jira = await startFakeJira();
});
afterEach(() => {
  expect(jira.unexpected).toEqual([]);
  jira.routes.clear();
  jira.sleeps.length = 0;
});
afterAll(async () => {
  await jira.close();
});

const SERVER_INFO = {
  baseUrl: 'https://jira.corp',
  version: '10.3.19',
  versionNumbers: [10, 3, 19],
  deploymentType: 'Server',
  buildNumber: 10030019,
  serverTitle: 'Corp',
};

describe('serverInfo', () => {
  it('is fetched under the context path, without credentials', async () => {
    jira.routes.set('GET /jira/rest/api/2/serverInfo', (_req, res) =>
      sendJson(res, 200, SERVER_INFO),
    );
    const result = await jira.client({ contextPath: '/jira' }).serverInfo();
    expect(result).toMatchObject({
      ok: true,
      value: SERVER_INFO,
      meta: { status: 200, attempts: 1, redirects: 0 },
    });
    expect(jira.server.requests.at(-1)?.headers.authorization).toBeUndefined();
    expect(jira.server.requests.at(-1)?.headers.accept).toBe('application/json');
  });

  it('sends credentials when asked to', async () => {
    jira.routes.set('GET /rest/api/2/serverInfo', (_req, res) => sendJson(res, 200, SERVER_INFO));
    await jira.client().serverInfo({ authenticated: true });
    expect(jira.server.requests.at(-1)?.headers.authorization).toBe('Bearer pat-SECRET-0001');
  });

  it.each([
    [
      'a 404',
      (res: Parameters<typeof sendJson>[0]) => sendJson(res, 404, { errorMessages: ['nope'] }),
      { reason: 'server_info_missing', status: 404 },
    ],
    [
      'an HTML page',
      (res: Parameters<typeof sendJson>[0]) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Welcome</html>'),
      { reason: 'html', status: 200, contentType: 'text/html' },
    ],
    [
      'other JSON',
      (res: Parameters<typeof sendJson>[0]) => sendJson(res, 200, { status: 'UP' }),
      { reason: 'unexpected_json', status: 200 },
    ],
  ])('calls %s not Jira', async (_name, answer, expected) => {
    jira.routes.set('GET /rest/api/2/serverInfo', (_req, res) => answer(res));
    const result = await jira.client().serverInfo();
    expect(result).toMatchObject({ ok: false, error: { kind: 'not_jira', ...expected } });
    expect(!result.ok && jiraErrorCode(result.error)).toBe('not_jira');
  });
});

describe('authentication headers', () => {
  const myself = {
    accountId: 'abc',
    displayName: 'Mia',
    emailAddress: 'mia@example.com',
    timeZone: 'Europe/Oslo',
    active: true,
  };

  it.each([
    [
      { kind: 'cloud_basic' as const, email: 'mia@example.com', apiToken: 'ATATT-tok' },
      `Basic ${Buffer.from('mia@example.com:ATATT-tok').toString('base64')}`,
    ],
    [
      { kind: 'basic' as const, username: 'jdoe', password: 'pässword' },
      `Basic ${Buffer.from('jdoe:pässword').toString('base64')}`,
    ],
    [{ kind: 'bearer' as const, token: 'NjA3-pat' }, 'Bearer NjA3-pat'],
    [{ kind: 'anonymous' as const }, undefined],
  ])('%o', async (auth, header) => {
    jira.routes.set('GET /rest/api/3/myself', (_req, res) =>
      sendJson(res, 200, myself, { 'x-ausername': 'mia', 'x-seraph-loginreason': 'OK' }),
    );
    const result = await jira.client({ auth, apiVersion: 3 }).myself();
    expect(result).toMatchObject({
      ok: true,
      value: myself,
      meta: { aUsername: 'mia', loginReason: 'OK' },
    });
    expect(jira.server.requests.at(-1)?.headers.authorization).toBe(header);
  });

  it('refuses unsendable credentials at creation without quoting them', () => {
    const make = (token: string) => () =>
      createJiraClient({
        baseUrl: 'https://x',
        auth: { kind: 'bearer', token },
        apiVersion: 2,
        dispatcher: jira.dispatcher,
      });
    expect(make(' padded-secret ')).toThrow(/token is empty or padded/);
    expect(make('line\r\nbreak-secret')).toThrow(/control characters/);
    expect(make('line\r\nbreak-secret')).not.toThrow(/secret/);
    expect(() =>
      createJiraClient({
        baseUrl: 'https://u:p@x',
        auth: { kind: 'anonymous' },
        apiVersion: 2,
        dispatcher: jira.dispatcher,
      }),
    ).toThrow('Jira base URL rejected: has_credentials');
  });
});

describe('HTTP errors become tagged values', () => {
  const cases: Array<[number, Record<string, string>, unknown, object, string]> = [
    [
      401,
      { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' },
      { message: 'Client must be authenticated to access this resource.', 'status-code': 401 },
      {
        kind: 'unauthorized',
        loginReason: 'AUTHENTICATED_FAILED',
        messages: ['Client must be authenticated to access this resource.'],
      },
      'invalid_credentials',
    ],
    [
      403,
      {
        'x-seraph-loginreason': 'AUTHENTICATION_DENIED',
        'x-authentication-denied-reason':
          'CAPTCHA_CHALLENGE; login-url=https://jira.corp/login.jsp',
      },
      '',
      { kind: 'captcha', loginUrl: 'https://jira.corp/login.jsp' },
      'captcha_required',
    ],
    [
      403,
      {},
      { errorMessages: ['You do not have permission.'] },
      { kind: 'forbidden', messages: ['You do not have permission.'] },
      'insufficient_permissions',
    ],
    [
      404,
      {},
      { errorMessages: ['Issue does not exist or you do not have permission to see it.'] },
      { kind: 'not_found' },
      'jira_error',
    ],
    [410, {}, { errorMessages: ['removed'], errors: {} }, { kind: 'gone' }, 'jira_error'],
    [
      400,
      {},
      { errorMessages: [], errors: { jql: 'bad' } },
      { kind: 'bad_request', fieldErrors: { jql: 'bad' } },
      'jira_error',
    ],
    [409, {}, {}, { kind: 'client_error', status: 409 }, 'jira_error'],
    [
      500,
      {},
      { errorMessages: ['boom'] },
      { kind: 'server_error', status: 500, messages: ['boom'] },
      'jira_error',
    ],
  ];

  it.each(cases)('%i %o', async (status, headers, body, expected, code) => {
    jira.routes.set('GET /rest/api/2/issue/AB-1', (_req, res) =>
      sendJson(res, status, body, headers),
    );
    const result = await jira.client().getIssue('AB-1');
    expect(result).toMatchObject({ ok: false, error: expected, meta: { status } });
    expect(!result.ok && jiraErrorCode(result.error)).toBe(code);
    expect(jira.sleeps).toEqual([]); // none of these is retried
  });

  it('reports JSON of the wrong shape with the path of the problem', async () => {
    jira.routes.set('GET /rest/api/2/myself', (_req, res) => sendJson(res, 200, { name: 'jdoe' }));
    expect(await jira.client().myself()).toMatchObject({
      ok: false,
      error: { kind: 'invalid_response', status: 200, path: 'displayName' },
    });
  });
});
