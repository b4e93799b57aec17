import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ONLY_POLICY } from '../../net/index.ts';
import { createTestCertificates } from '../../net/testing/certificates.ts';
import { startHttpServer, startHttpsServer } from '../../net/testing/local-server.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import { startSandbox } from '../../sandbox/index.ts';
import { LOOPBACK_ALLOWED } from '../../../test/support/api.ts';
import type { JiraCredentials } from '../input.ts';
import { verifyConnection } from './chain.ts';
import type { VerificationOutcome } from './outcome.ts';

const env = {
  policy: LOOPBACK_ALLOWED,
  timeouts: { connectMs: 2000, headersMs: 5000, bodyMs: 5000 },
};

function cloudCredentials(sandbox: Sandbox): JiraCredentials {
  if (sandbox.credentials.flavor !== 'cloud') throw new Error('not a cloud sandbox');
  return {
    authType: 'cloud_token',
    email: sandbox.credentials.email,
    token: sandbox.credentials.apiToken,
  };
}

function patCredentials(sandbox: Sandbox): JiraCredentials {
  if (sandbox.credentials.flavor !== 'datacenter') throw new Error('not a DC sandbox');
  return { authType: 'personal_access_token', token: sandbox.credentials.personalAccessToken };
}

function failedCode(outcome: VerificationOutcome): string {
  return outcome.status === 'failed' ? outcome.error.code : 'connected';
}

function checkStatuses(outcome: VerificationOutcome): Record<string, string> {
  return Object.fromEntries(outcome.checks.map((c) => [c.name, c.status]));
}

describe('verification chain against a Cloud sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ flavor: 'cloud', issues: 30, timeZone: 'America/New_York' });
  });
  afterAll(async () => {
    await sandbox.stop();
  });
  afterEach(() => {
    sandbox.setLimits({ faultRate: 0, ratePerSec: 0 });
    sandbox.restoreCredentials();
  });

  it('connects and records account, deployment, access and every check', async () => {
    const outcome = await verifyConnection(
      { siteUrl: sandbox.url, credentials: cloudCredentials(sandbox) },
      env,
    );
    expect(outcome.status).toBe('connected');
    if (outcome.status !== 'connected') return;
    expect(outcome.deployment.deployment).toBe('cloud');
    expect(outcome.account.timeZone).toBe('America/New_York');
    expect(outcome.account.accountId).toBeTruthy();
    expect(outcome.access.visibleProjects).toBeGreaterThan(0);
    expect(outcome.access.permissions.BROWSE_PROJECTS).toBe(true);
    expect(outcome.checks.map((c) => c.name)).toEqual([
      'url',
      'network_policy',
      'dns',
      'tcp',
      'tls',
      'jira',
      'auth_method',
      'credentials',
      'permissions',
      'search',
    ]);
    expect(checkStatuses(outcome)).toMatchObject({
      credentials: 'passed',
      search: 'passed',
      tls: 'warning',
    });
  });

  it('invalid_credentials: a revoked token', async () => {
    sandbox.revokeCredentials();
    const outcome = await verifyConnection(
      { siteUrl: sandbox.url, credentials: cloudCredentials(sandbox) },
      env,
    );
    expect(failedCode(outcome)).toBe('invalid_credentials');
    expect(checkStatuses(outcome)).toMatchObject({
      jira: 'passed',
      credentials: 'failed',
      permissions: 'skipped',
    });
    if (outcome.status === 'failed') expect(outcome.error.hint).toMatch(/API tokens/);
  });

  it('invalid_input: a Cloud site given a token without an email', async () => {
    const credentials: JiraCredentials = {
      authType: 'personal_access_token',
      token: 'x'.repeat(24),
    };
    const outcome = await verifyConnection({ siteUrl: sandbox.url, credentials }, env);
    expect(failedCode(outcome)).toBe('invalid_input');
    expect(checkStatuses(outcome)).toMatchObject({ auth_method: 'failed', credentials: 'skipped' });
  });

  it('insufficient_permissions: an account that sees no project', async () => {
    const limited = sandbox.addUser({ name: 'nobody', browse: [] });
    if (limited.flavor !== 'cloud') throw new Error('expected cloud credentials');
    const credentials: JiraCredentials = {
      authType: 'cloud_token',
      email: limited.email,
      token: limited.apiToken,
    };
    const outcome = await verifyConnection({ siteUrl: sandbox.url, credentials }, env);
    expect(failedCode(outcome)).toBe('insufficient_permissions');
    expect(checkStatuses(outcome)).toMatchObject({ credentials: 'passed', permissions: 'failed' });
  });

  it('jira_error: Jira answering 5xx', async () => {
    sandbox.setLimits({ faultRate: 1 });
    const outcome = await verifyConnection(
      { siteUrl: sandbox.url, credentials: cloudCredentials(sandbox) },
      env,
    );
    expect(failedCode(outcome)).toBe('jira_error');
  });

  it('address_blocked: loopback refused by the default policy, and never connected to', async () => {
    const before = sandbox.requestCount;
    const outcome = await verifyConnection(
      { siteUrl: sandbox.url, credentials: cloudCredentials(sandbox) },
      { policy: PUBLIC_ONLY_POLICY },
    );
    expect(failedCode(outcome)).toBe('address_blocked');
    if (outcome.status === 'failed') expect(outcome.error.hint).toContain('OWLHUB_ALLOWED_HOSTS');
    expect(sandbox.requestCount).toBe(before);
  });
});

describe('verification chain against a Data Center sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      flavor: 'datacenter',
      issues: 30,
      basePath: '/jira',
      captchaAfterFailures: 3,
    });
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('connects with a personal access token under a context path', async () => {
    expect(sandbox.url).toMatch(/\/jira$/);
    const outcome = await verifyConnection(
      { siteUrl: sandbox.url, credentials: patCredentials(sandbox) },
      env,
    );
    expect(outcome.status).toBe('connected');
    if (outcome.status === 'connected') {
      expect(outcome.deployment.deployment).toBe('datacenter');
      expect(outcome.account.username).toBeTruthy();
    }
  });

  it('connects with username and password', async () => {
    if (sandbox.credentials.flavor !== 'datacenter') throw new Error('not DC');
    const { username, password } = sandbox.credentials;
    const outcome = await verifyConnection(
      { siteUrl: sandbox.url, credentials: { authType: 'basic_password', username, password } },
      env,
    );
    expect(outcome.status).toBe('connected');
  });

  it('invalid_credentials: a wrong personal access token', async () => {
    const outcome = await verifyConnection(
      {
        siteUrl: sandbox.url,
        credentials: { authType: 'personal_access_token', token: 'wrong-token-123456' },
      },
      env,
    );
    expect(failedCode(outcome)).toBe('invalid_credentials');
  });

  it('invalid_input: a self-hosted site given an email and API token', async () => {
    const outcome = await verifyConnection(
      {
        siteUrl: sandbox.url,
        credentials: { authType: 'cloud_token', email: 'a@b.example', token: 'tok12345678' },
      },
      env,
    );
    expect(failedCode(outcome)).toBe('invalid_input');
  });

  it('captcha_required: an account locked after failed logins, with one login attempt per verification', async () => {
    const user = sandbox.addUser({ name: 'locked' });
    if (user.flavor !== 'datacenter') throw new Error('not DC');
    const wrong: JiraCredentials = {
      authType: 'basic_password',
      username: user.username,
      password: 'wrong',
    };
    const codes: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      codes.push(
        failedCode(await verifyConnection({ siteUrl: sandbox.url, credentials: wrong }, env)),
      );
    }
    expect(codes).toEqual([
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'captcha_required',
    ]);
    const right: JiraCredentials = {
      authType: 'basic_password',
      username: user.username,
      password: user.password,
    };
    const locked = await verifyConnection({ siteUrl: sandbox.url, credentials: right }, env);
    expect(failedCode(locked)).toBe('captcha_required');
    if (locked.status === 'failed') expect(locked.error.hint).toMatch(/CAPTCHA/);
  });
});

describe('verification chain against things that are not a working Jira', () => {
  it('dns_failed: a name that does not resolve', async () => {
    const outcome = await verifyConnection(
      {
        siteUrl: 'https://owlhub-test.invalid',
        credentials: { authType: 'personal_access_token', token: 'abcdefgh1234' },
      },
      env,
    );
    expect(failedCode(outcome)).toBe('dns_failed');
    expect(checkStatuses(outcome)).toMatchObject({ url: 'passed', dns: 'failed', tcp: 'skipped' });
  });

  it('unreachable: a closed port', async () => {
    const server = await startHttpServer((_request, response) => response.end());
    const origin = server.origin;
    await server.close();
    const outcome = await verifyConnection(
      {
        siteUrl: origin,
        credentials: { authType: 'personal_access_token', token: 'abcdefgh1234' },
      },
      env,
    );
    expect(failedCode(outcome)).toBe('unreachable');
    expect(checkStatuses(outcome)).toMatchObject({ dns: 'passed', tcp: 'failed' });
  });

  it('tls_error: a self-signed certificate, with the NODE_EXTRA_CA_CERTS hint', async () => {
    const certificates = createTestCertificates();
    const server = await startHttpsServer(
      (_request, response) => response.end('{}'),
      certificates.selfSigned,
    );
    try {
      const outcome = await verifyConnection(
        {
          siteUrl: `https://localhost:${server.port}`,
          credentials: { authType: 'personal_access_token', token: 'abcdefgh1234' },
        },
        { policy: { allowPrivateNetworks: false, allowedHosts: [{ host: 'localhost' }] } },
      );
      expect(failedCode(outcome)).toBe('tls_error');
      if (outcome.status === 'failed') expect(outcome.error.hint).toContain('NODE_EXTRA_CA_CERTS');
      expect(checkStatuses(outcome)).toMatchObject({
        tcp: 'passed',
        tls: 'failed',
        jira: 'skipped',
      });
    } finally {
      await server.close();
    }
  });

  it('not_jira: an HTML page where serverInfo should be', async () => {
    const server = await startHttpServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>Welcome</title>');
    });
    try {
      const outcome = await verifyConnection(
        {
          siteUrl: server.origin,
          credentials: { authType: 'personal_access_token', token: 'abcdefgh1234' },
        },
        env,
      );
      expect(failedCode(outcome)).toBe('not_jira');
      expect(checkStatuses(outcome)).toMatchObject({ tcp: 'passed', jira: 'failed' });
    } finally {
      await server.close();
    }
  });
});
