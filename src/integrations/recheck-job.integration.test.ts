import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, logIn } from '../../test/support/api.ts';
import type { Browser, TestApi } from '../../test/support/api.ts';
import { createTestStorage } from '../../test/support/storage.ts';
import type { Sandbox } from '../sandbox/index.ts';
import { startSandbox } from '../sandbox/index.ts';
import type { IntegrationView } from '../shared/integrations.ts';
import type { Storage } from '../storage/connect.ts';
import { findIntegration } from '../storage/integrations.ts';
import { recheckIntegrationsJob } from './recheck-job.ts';

async function waitFor(admin: Browser, id: string, status: string): Promise<IntegrationView> {
  for (let i = 0; i < 300; i += 1) {
    const view = (await (await admin.get(`/api/integrations/${id}`)).json()) as IntegrationView;
    if (view.status === status) return view;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never reached ${status}`);
}

describe('periodic re-check', () => {
  let sandbox: Sandbox;
  let storage: Storage;
  let api: TestApi;
  let admin: Browser;
  beforeAll(async () => {
    sandbox = await startSandbox({ flavor: 'cloud', issues: 5 });
  });
  afterAll(async () => {
    await sandbox.stop();
  });
  beforeEach(async () => {
    storage = await createTestStorage('sqlite');
    api = await createTestApi(storage);
    admin = await logIn(
      api,
      { email: 'a@example.com', password: 'a long password!', name: 'A' },
      true,
    );
  });
  afterEach(async () => {
    await api.close();
    await storage.close();
  });

  it('turns a connected integration failed when its token is revoked, then leaves it alone', async () => {
    const credentials = sandbox.addUser({ name: 'recheck' });
    if (credentials.flavor !== 'cloud') throw new Error('expected cloud');
    const created = await admin.send('POST', '/api/integrations', {
      type: 'jira',
      siteUrl: sandbox.url,
      email: credentials.email,
      token: credentials.apiToken,
      allowInsecureHttp: true,
    });
    const { id } = (await created.json()) as IntegrationView;
    await waitFor(admin, id, 'connected');

    sandbox.revokeCredentials(credentials);
    const inTwoHours = { ...api.deps, now: () => new Date(Date.now() + 2 * 3600_000) };
    await recheckIntegrationsJob(inTwoHours)();
    const failed = await waitFor(admin, id, 'failed');
    expect(failed.error?.code).toBe('invalid_credentials');
    expect((await findIntegration(storage.db, id))?.next_check_at).toBeNull();

    sandbox.resetStats();
    await recheckIntegrationsJob({
      ...api.deps,
      now: () => new Date(Date.now() + 48 * 3600_000),
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sandbox.stats().byRoute['GET /rest/api/3/myself'] ?? 0).toBe(0);
  });
});
