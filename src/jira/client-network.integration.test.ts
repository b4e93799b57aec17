import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPolicyDispatcher } from '../net/index.ts';
import {
  closedPort,
  sendJson,
  startHttpServer,
  type LocalServer,
} from '../net/testing/local-server.ts';
import { createJiraClient, type JiraClient } from './client.ts';
import { jiraErrorCode } from './error-code.ts';
import type { JiraResult } from './errors.ts';
import { startFakeJira, type FakeJira } from './testing/fake-jira.ts';

const TOKEN = 'ATATT3xFfGF0-SUPER-SECRET-TOKEN-4242';
const PASSWORD = 'hunter2-SECRET-pw';
const SECRETS = [
  TOKEN,
  PASSWORD,
  Buffer.from(`mia@example.com:${TOKEN}`).toString('base64'),
  Buffer.from(`jdoe:${PASSWORD}`).toString('base64'),
];

let jira: FakeJira;
let other: LocalServer;
beforeAll(async () => {
  jira = await startFakeJira();
  other = await startHttpServer((req, res) => {
    sendJson(res, 200, {
      displayName: 'Elsewhere',
      accountId: 'x',
      sawAuth: req.headers.authorization ?? null,
    });
  });
});
afterEach(() => {
  expect(jira.unexpected).toEqual([]);
  jira.routes.clear();
  jira.sleeps.length = 0;
});
afterAll(async () => {
  await jira.close();
  await other.close();
});

function clientFor(
  baseUrl: string,
  allowed: Array<{ host: string; port?: number }>,
  auth: 'cloud' | 'basic' = 'cloud',
): JiraClient {
  return createJiraClient({
    baseUrl,
    auth:
      auth === 'cloud'
        ? { kind: 'cloud_basic', email: 'mia@example.com', apiToken: TOKEN }
        : { kind: 'basic', username: 'jdoe', password: PASSWORD },
    apiVersion: 3,
    dispatcher: createPolicyDispatcher({
      policy: { allowPrivateNetworks: false, allowedHosts: allowed },
    }),
    retry: { maxAttempts: 2 },
    clock: { sleep: () => Promise.resolve() },
  });
}

function expectNoSecret(result: JiraResult<unknown>): void {
  // JSON for what an API or log serialiser would write, inspect for what console.log prints.
  const printed = JSON.stringify(result) + inspect(result, { depth: 10 });
  for (const secret of SECRETS) expect(printed).not.toContain(secret);
}

const allowJira = () => [{ host: '127.0.0.1', port: jira.server.port }];

describe('network failures become network errors with the verification code', () => {
  it('address blocked: loopback not in allowedHosts, nothing connects', async () => {
    const before = jira.server.connections();
    const result = await clientFor(jira.server.origin, []).myself();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'network', failure: { kind: 'address_blocked', addressClass: 'loopback' } },
    });
    expect(!result.ok && jiraErrorCode(result.error)).toBe('address_blocked');
    expect(jira.server.connections()).toBe(before);
    expectNoSecret(result);
  });

  it('DNS failure on a .invalid host', async () => {
    const result = await clientFor('https://jira.example.invalid', []).serverInfo();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'network', failure: { kind: 'dns', code: 'ENOTFOUND' } },
    });
    expect(!result.ok && jiraErrorCode(result.error)).toBe('dns_failed');
  });

  it('connection refused, retried as a transient failure', async () => {
    const port = await closedPort();
    const result = await clientFor(
      `http://127.0.0.1:${port}`,
      [{ host: '127.0.0.1' }],
      'basic',
    ).myself();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'network', failure: { kind: 'refused', code: 'ECONNREFUSED' } },
    });
    expect(!result.ok && jiraErrorCode(result.error)).toBe('unreachable');
    expectNoSecret(result);
  });
});

describe('redirects', () => {
  it('follows a same-origin redirect with credentials', async () => {
    jira.routes.set('GET /rest/api/3/myself', (_req, res) =>
      res.writeHead(302, { location: '/jira/rest/api/3/myself' }).end(),
    );
    jira.routes.set('GET /jira/rest/api/3/myself', (req, res) =>
      sendJson(res, 200, {
        displayName: 'Mia',
        accountId: 'a',
        sawAuth: req.headers.authorization,
      }),
    );
    const result = await clientFor(jira.server.origin, allowJira()).myself();
    expect(result).toMatchObject({
      ok: true,
      value: { displayName: 'Mia' },
      meta: { redirects: 1 },
    });
    expect(result.ok && result.value['sawAuth']).toMatch(/^Basic /);
  });

  it('drops credentials on a redirect to another origin', async () => {
    jira.routes.set('GET /rest/api/3/myself', (_req, res) =>
      res.writeHead(301, { location: `${other.origin}/rest/api/3/myself` }).end(),
    );
    const result = await clientFor(jira.server.origin, [{ host: '127.0.0.1' }]).myself();
    expect(result).toMatchObject({ ok: true, value: { displayName: 'Elsewhere', sawAuth: null } });
    expect(other.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('refuses a redirect to a forbidden address without connecting', async () => {
    jira.routes.set('GET /rest/api/3/myself', (_req, res) =>
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    );
    const result = await clientFor(jira.server.origin, allowJira()).myself();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'network', failure: { kind: 'address_blocked', addressClass: 'metadata' } },
    });
    expectNoSecret(result);
  });

  it('refuses a redirect to another allowed-looking port not in allowedHosts', async () => {
    jira.routes.set('GET /rest/api/3/myself', (_req, res) =>
      res.writeHead(307, { location: `${other.origin}/x` }).end(),
    );
    const before = other.connections();
    const result = await clientFor(jira.server.origin, allowJira()).myself();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'network', failure: { kind: 'address_blocked' } },
    });
    expect(other.connections()).toBe(before);
  });
});

describe('credentials never appear in results', () => {
  it('across every error kind', async () => {
    const answers: Array<[number, Record<string, string>]> = [
      [401, { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' }],
      [
        403,
        { 'x-authentication-denied-reason': 'CAPTCHA_CHALLENGE; login-url=https://x/login.jsp' },
      ],
      [403, {}],
      [404, {}],
      [410, {}],
      [429, { 'retry-after': '99999' }],
      [500, {}],
    ];
    for (const [status, headers] of answers) {
      jira.routes.set('GET /rest/api/3/myself', (_req, res) =>
        sendJson(res, status, { errorMessages: ['no'] }, headers),
      );
      for (const auth of ['cloud', 'basic'] as const) {
        const result = await clientFor(jira.server.origin, allowJira(), auth).myself();
        expect(result.ok).toBe(false);
        expectNoSecret(result);
      }
    }
    jira.routes.set('GET /rest/api/3/myself', (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html/>'),
    );
    expectNoSecret(await clientFor(jira.server.origin, allowJira()).myself());
  });
});
