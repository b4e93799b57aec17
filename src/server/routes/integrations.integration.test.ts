import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, logIn } from '../../../test/support/api.ts';
import type { Browser, TestApi } from '../../../test/support/api.ts';
import { DIALECTS, createTestDatabase } from '../../../test/support/storage.ts';
import type { TestDatabase } from '../../../test/support/storage.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import { startSandbox } from '../../sandbox/index.ts';
import type { IntegrationView } from '../../shared/integrations.ts';
import type { Storage } from '../../storage/connect.ts';
import { openStorage } from '../../storage/connect.ts';
import { migrateToLatest } from '../../storage/migrate.ts';

const PASSWORD = 'a long password!';

async function waitForStatus(
  admin: Browser,
  id: string,
  wanted: IntegrationView['status'],
): Promise<IntegrationView> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const view = (await (await admin.get(`/api/integrations/${id}`)).json()) as IntegrationView;
    if (view.status === wanted) return view;
    if (Date.now() > deadline)
      throw new Error(`still ${view.status}: ${JSON.stringify(view.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(DIALECTS)('integrations API on %s', (dialect) => {
  let sandbox: Sandbox;
  let database: TestDatabase;
  let storage: Storage;
  let api: TestApi;
  let admin: Browser;
  let email: string;
  let token: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ flavor: 'cloud', issues: 20 });
    if (sandbox.credentials.flavor !== 'cloud') throw new Error('expected cloud');
    ({ email, apiToken: token } = sandbox.credentials);
  });
  afterAll(async () => {
    await sandbox.stop();
  });
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    storage = openStorage(database.target);
    const migrated = await migrateToLatest(storage.db);
    if (migrated.error) throw migrated.error;
    api = await createTestApi(storage);
    admin = await logIn(
      api,
      { email: 'admin@example.com', password: PASSWORD, name: 'Admin' },
      true,
    );
  });
  afterEach(async () => {
    sandbox.setLimits({ ratePerSec: 0 });
    await api.close();
    await storage.close();
    await database.drop();
  });

  const hostname = () => new URL(sandbox.url).host;
  const settingsForm = (overrides: Record<string, unknown> = {}) => ({
    type: 'jira',
    protocol: 'http',
    hostname: hostname(),
    email,
    token,
    allowInsecureHttp: true,
    ...overrides,
  });

  it('answers 202 pending at once, then connects in the background and shows what it is connected to', async () => {
    const created = await admin.send('POST', '/api/integrations', settingsForm());
    expect(created.status).toBe(202);
    const pending = (await created.json()) as IntegrationView;
    expect(pending.status).toBe('pending');
    const connected = await waitForStatus(admin, pending.id, 'connected');
    expect(connected).toMatchObject({
      deployment: 'cloud',
      authType: 'cloud_token',
      email,
      tokenHint: token.slice(-4),
      error: null,
      account: { emailAddress: email },
      deploymentInfo: { deployment: 'cloud' },
    });
    expect(connected.access?.visibleProjects).toBeGreaterThan(0);
    expect(connected.checks.every((c) => c.status === 'passed' || c.status === 'warning')).toBe(
      true,
    );
    expect(connected.lastVerifiedAt).not.toBeNull();
  });

  it('reaches failed with the invalid_credentials message and hint for a wrong token', async () => {
    const created = await admin.send(
      'POST',
      '/api/integrations',
      settingsForm({ token: 'ATATT-wrong-token-000' }),
    );
    const failed = await waitForStatus(
      admin,
      ((await created.json()) as IntegrationView).id,
      'failed',
    );
    expect(failed.error).toMatchObject({
      code: 'invalid_credentials',
      message: expect.stringContaining(email),
    });
    expect(failed.error?.hint).toMatch(/API tokens/);
    expect(failed.checks.find((c) => c.name === 'credentials')?.status).toBe('failed');
  });

  it('refuses bad input per field and saves nothing', async () => {
    const response = await admin.send('POST', '/api/integrations', {
      type: 'jira',
      protocol: 'https',
      hostname: 'https://x.atlassian.net/jira',
      email: 'not-an-email',
      token: '   ',
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: { code: string; fields: Record<string, string> };
    };
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.fields).sort()).toEqual(['email', 'hostname', 'token']);
    expect(await (await admin.get('/api/integrations')).json()).toEqual({ items: [] });
  });

  it('lets only admins add, change and delete; members may re-verify; viewers only look', async () => {
    const { id } = (await (
      await admin.send('POST', '/api/integrations', settingsForm())
    ).json()) as IntegrationView;
    for (const role of ['member', 'viewer']) {
      await admin.send('POST', '/api/users', {
        email: `${role}@example.com`,
        name: role,
        role,
        password: PASSWORD,
      });
    }
    const member = await logIn(api, { email: 'member@example.com', password: PASSWORD });
    const viewer = await logIn(api, { email: 'viewer@example.com', password: PASSWORD });
    for (const user of [member, viewer]) {
      expect((await user.send('POST', '/api/integrations', settingsForm())).status).toBe(403);
      expect((await user.send('PATCH', `/api/integrations/${id}`, { name: 'x' })).status).toBe(403);
      expect((await user.send('DELETE', `/api/integrations/${id}`)).status).toBe(403);
      expect((await user.get(`/api/integrations/${id}`)).status).toBe(200);
    }
    expect((await member.send('POST', `/api/integrations/${id}/verify`)).status).toBe(202);
    expect((await viewer.send('POST', `/api/integrations/${id}/verify`)).status).toBe(403);
  });

  it('never puts the token in a response, a log line or the database', async () => {
    const created = await admin.send('POST', '/api/integrations', settingsForm());
    const body = await created.text();
    const { id } = JSON.parse(body) as IntegrationView;
    await waitForStatus(admin, id, 'connected');
    const texts = [
      body,
      await (await admin.get(`/api/integrations/${id}`)).text(),
      await (await admin.get('/api/integrations')).text(),
      api.logText(),
      await databaseText(storage, database),
    ];
    for (const text of texts) expect(text).not.toContain(token);
    expect(api.logText()).toContain('integration verified');
  });

  it('keeps the old token when a replacement fails, and swaps in one that works', async () => {
    const { id } = (await (
      await admin.send('POST', '/api/integrations', settingsForm())
    ).json()) as IntegrationView;
    await waitForStatus(admin, id, 'connected');
    const rejected = await admin.send('PATCH', `/api/integrations/${id}`, {
      token: 'ATATT-not-valid-0000',
    });
    expect(rejected.status).toBe(422);
    expect(await rejected.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
    const still = (await (await admin.get(`/api/integrations/${id}`)).json()) as IntegrationView;
    expect(still).toMatchObject({ status: 'connected', tokenHint: token.slice(-4) });

    const other = sandbox.addUser({ name: `other${dialect}` });
    if (other.flavor !== 'cloud') throw new Error('expected cloud');
    const swapped = await admin.send('PATCH', `/api/integrations/${id}`, {
      email: other.email,
      token: other.apiToken,
    });
    expect(swapped.status).toBe(200);
    expect(await swapped.json()).toMatchObject({
      status: 'connected',
      email: other.email,
      tokenHint: other.apiToken.slice(-4),
    });
  });

  it('clears the token when the site URL changes without a new one', async () => {
    const { id } = (await (
      await admin.send('POST', '/api/integrations', settingsForm())
    ).json()) as IntegrationView;
    await waitForStatus(admin, id, 'connected');
    const moved = await admin.send('PATCH', `/api/integrations/${id}`, {
      siteUrl: 'https://elsewhere.example.com',
    });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({
      siteUrl: 'https://elsewhere.example.com',
      tokenHint: null,
      status: 'failed',
      error: { code: 'invalid_credentials' },
    });
    expect((await admin.send('POST', `/api/integrations/${id}/verify`)).status).toBe(400);
  });

  it('stays pending while Jira rate-limits, then connects', async () => {
    sandbox.setLimits({ ratePerSec: 0.001 });
    sandbox.resetStats();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const { id } = (await (
      await admin.send('POST', '/api/integrations', settingsForm())
    ).json()) as IntegrationView;
    const deadline = Date.now() + 15_000;
    let view: IntegrationView;
    do {
      await new Promise((resolve) => setTimeout(resolve, 100));
      view = (await (await admin.get(`/api/integrations/${id}`)).json()) as IntegrationView;
    } while (view.error?.code !== 'rate_limited' && Date.now() < deadline);
    expect(view).toMatchObject({ status: 'pending', error: { code: 'rate_limited' } });
    sandbox.setLimits({ ratePerSec: 0 });
    await admin.send('POST', `/api/integrations/${id}/verify`);
    await waitForStatus(admin, id, 'connected');
  });

  it('deletes an integration with its credentials', async () => {
    const { id } = (await (
      await admin.send('POST', '/api/integrations', settingsForm())
    ).json()) as IntegrationView;
    expect((await admin.send('DELETE', `/api/integrations/${id}`)).status).toBe(204);
    expect((await admin.get(`/api/integrations/${id}`)).status).toBe(404);
    expect((await admin.send('DELETE', `/api/integrations/${id}`)).status).toBe(404);
  });
});

/** Every byte the database holds for integrations: the SQLite files, or PostgreSQL's rows as text. */
async function databaseText(storage: Storage, database: TestDatabase): Promise<string> {
  if (database.target.dialect === 'sqlite') {
    const dir = dirname(database.target.path);
    return readdirSync(dir)
      .map((name) => readFileSync(join(dir, name)).toString('latin1'))
      .join('\n');
  }
  const rows = await storage.db.selectFrom('integrations').selectAll().execute();
  const jobs = await storage.db.selectFrom('jobs').selectAll().execute();
  return JSON.stringify([rows, jobs]);
}
