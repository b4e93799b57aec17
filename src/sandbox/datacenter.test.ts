import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index.ts';
import { authHeader, call } from './test-client.ts';

interface SearchPage {
  startAt: number;
  maxResults: number;
  total: number;
  issues: { id: string; key: string; fields?: Record<string, unknown> }[];
}

describe('data center sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      flavor: 'datacenter',
      basePath: '/jira',
      issues: 250,
      seed: 3,
      pageCap: 40,
      captchaAfterFailures: 3,
    });
  });
  afterAll(() => sandbox.stop());

  it('serves under the context path and reports deploymentType Server', async () => {
    expect(sandbox.url).toMatch(/\/jira$/);
    const response = await call(sandbox, '/rest/api/2/serverInfo', { auth: null });
    expect(response.body).toMatchObject({ deploymentType: 'Server', version: '10.3.19' });
    expect((await call(sandbox, '/rest/api/3/serverInfo')).status).toBe(404);
  });

  it('authenticates with a PAT and with username:password', async () => {
    const pat = await call(sandbox, '/rest/api/2/myself');
    expect(pat.status).toBe(200);
    expect(pat.headers.get('x-ausername')).toBe('ada');
    expect(pat.body).toMatchObject({ name: 'ada', key: 'JIRAUSER10100' });
    const basic = await call(sandbox, '/rest/api/2/myself', {
      auth: authHeader(sandbox.credentials, 'basic'),
    });
    expect(basic.status).toBe(200);
  });

  it('serves requests without credentials as anonymous', async () => {
    const projects = await call(sandbox, '/rest/api/2/project', { auth: null });
    expect(projects.status).toBe(200);
    expect(projects.headers.get('x-ausername')).toBe('anonymous');
    expect(projects.body).toEqual([]);
    expect((await call(sandbox, '/rest/api/2/myself', { auth: null })).status).toBe(401);
  });

  it('lists projects as a bare array', async () => {
    const response = await call(sandbox, '/rest/api/2/project');
    expect(Array.isArray(response.body)).toBe(true);
    expect((response.body as unknown[]).length).toBe(3);
  });

  it('pages /search with startAt and total, capping maxResults silently', async () => {
    const seen = new Set<string>();
    let startAt = 0;
    for (;;) {
      const response = await call(
        sandbox,
        `/rest/api/2/search?jql=${encodeURIComponent('order by key')}&startAt=${startAt}&maxResults=1000`,
      );
      const page = response.body as SearchPage;
      expect(page.maxResults).toBe(40);
      expect(page.total).toBe(250);
      for (const issue of page.issues) seen.add(issue.id);
      startAt += page.issues.length;
      if (page.issues.length === 0 || startAt >= page.total) break;
    }
    expect(seen.size).toBe(250);
    const post = await call(sandbox, '/rest/api/2/search', {
      body: { jql: 'project = OWL', maxResults: 2, fields: ['summary', 'description'] },
    });
    const page = post.body as SearchPage;
    expect(page.issues).toHaveLength(2);
    expect(Object.keys(page.issues[0]!.fields!).sort()).toEqual(['description', 'summary']);
  });

  it('always sends id, self and key in /search, even for fields=key', async () => {
    const response = await call(
      sandbox,
      `/rest/api/2/search?jql=${encodeURIComponent('project = OWL')}&fields=key&maxResults=1`,
    );
    const [issue] = (response.body as SearchPage).issues;
    expect(issue).toMatchObject({
      id: expect.any(String),
      key: expect.stringMatching(/^OWL-/),
      self: expect.any(String),
      fields: {},
    });
  });

  it('answers JQL errors with 400 and errorMessages', async () => {
    const response = await call(
      sandbox,
      `/rest/api/2/search?jql=${encodeURIComponent('text = foo')}`,
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errorMessages: ["The operator '=' is not supported by the 'text' field."],
      errors: {},
    });
  });

  it('locks an account behind a CAPTCHA after repeated failed basic logins', async () => {
    const wrong = `Basic ${Buffer.from('bruno:wrong').toString('base64')}`;
    for (let i = 0; i < 3; i++) {
      const failed = await call(sandbox, '/rest/api/2/myself', { auth: wrong });
      expect(failed.status).toBe(401);
    }
    const locked = await call(sandbox, '/rest/api/2/serverInfo', { auth: wrong });
    expect(locked.status).toBe(403);
    expect(locked.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATION_DENIED');
    expect(locked.headers.get('x-authentication-denied-reason')).toMatch(
      /^CAPTCHA_CHALLENGE; login-url=.*\/jira\/login\.jsp$/,
    );
    sandbox.clearCaptcha('bruno');
    expect((await call(sandbox, '/rest/api/2/serverInfo', { auth: wrong })).status).toBe(200);
  });

  it('reports the rate-limit bucket on limited responses, as the DC plugin does', async () => {
    sandbox.setLimits({ ratePerSec: 50 });
    try {
      const response = await call(sandbox, '/rest/api/2/myself');
      expect(response.headers.get('x-ratelimit-limit')).toBe('50');
      expect(response.headers.get('x-ratelimit-fillrate')).toBe('50');
      expect(Number(response.headers.get('x-ratelimit-remaining'))).toBeLessThan(50);
      expect(
        (await call(sandbox, '/rest/api/2/serverInfo')).headers.get('x-ratelimit-limit'),
      ).toBeNull();
    } finally {
      sandbox.setLimits({ ratePerSec: 0 });
    }
  });

  it('stops twice without complaint', async () => {
    const extra = await startSandbox({ flavor: 'datacenter', issues: 1 });
    await extra.stop();
    await extra.stop();
  });

  it('renders users with name and key, descriptions as wiki markup', async () => {
    const issue = sandbox.listIssues().find((i) => i.assigneeId !== null)!;
    const response = await call(
      sandbox,
      `/rest/api/2/issue/${issue.key}?fields=assignee,description`,
    );
    const fields = (
      response.body as { fields: { assignee: Record<string, unknown>; description: unknown } }
    ).fields;
    expect(fields.assignee).toMatchObject({ key: issue.assigneeId, name: expect.any(String) });
    expect(fields.assignee).not.toHaveProperty('accountId');
  });
});
