import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, logIn } from '../../../test/support/api.ts';
import type { Browser, TestApi } from '../../../test/support/api.ts';
import { DIALECTS, createTestStorage } from '../../../test/support/storage.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import { startSandbox } from '../../sandbox/index.ts';
import type { IntegrationView } from '../../shared/integrations.ts';
import type {
  MirrorField,
  MirrorSeenUser,
  MirrorStatus,
  SyncRunView,
} from '../../shared/mirror.ts';
import type { Storage } from '../../storage/connect.ts';
import { waitFor } from '../../../test/support/wait.ts';

describe.each(DIALECTS)('mirror metadata API on %s', (dialect) => {
  let sandbox: Sandbox;
  let storage: Storage;
  let api: TestApi;
  let admin: Browser;

  beforeAll(async () => {
    sandbox = await startSandbox({ flavor: 'cloud', issues: 20 });
  });
  afterAll(async () => {
    await sandbox.stop();
  });
  beforeEach(async () => {
    storage = await createTestStorage(dialect);
    api = await createTestApi(storage);
    admin = await logIn(
      api,
      { email: 'admin@example.com', password: 'a long password!', name: 'Admin' },
      true,
    );
  });
  afterEach(async () => {
    await api.close();
    await storage.close();
  });

  async function items<T>(path: string): Promise<T[]> {
    const response = await admin.get(path);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: T[] }).items;
  }

  it('serves the mirrored statuses, field definitions and users seen after a sync', async () => {
    if (sandbox.credentials.flavor !== 'cloud') throw new Error('expected cloud');
    const created = await admin.send('POST', '/api/integrations', {
      type: 'jira',
      protocol: 'http',
      hostname: new URL(sandbox.url).host,
      email: sandbox.credentials.email,
      token: sandbox.credentials.apiToken,
      allowInsecureHttp: true,
    });
    const { id } = (await created.json()) as IntegrationView;
    await waitFor(
      () => items<SyncRunView>(`/api/integrations/${id}/sync-runs`),
      (runs) => runs[0]?.status === 'succeeded',
    );

    const statuses = await items<MirrorStatus>(`/api/integrations/${id}/statuses`);
    expect(statuses).toContainEqual({ id: '10000', name: 'To Do', categoryKey: 'new' });
    expect(statuses).toContainEqual({ id: '10002', name: 'Done', categoryKey: 'done' });
    expect(statuses.map((s) => s.name)).toEqual(statuses.map((s) => s.name).sort());

    const fields = await items<MirrorField>(`/api/integrations/${id}/fields`);
    expect(fields).toContainEqual({ id: 'customfield_10010', name: 'Team', custom: true });
    expect(fields).toContainEqual({ id: 'summary', name: 'Summary', custom: false });

    const users = await items<MirrorSeenUser>(`/api/integrations/${id}/users`);
    const assignee = sandbox.listIssues().find((i) => i.assigneeId !== null)?.assigneeId;
    expect(users.map((u) => u.id)).toContain(assignee);
    expect(users.every((u) => typeof u.displayName === 'string')).toBe(true);
  });

  it('answers 404 for an unknown integration and 401 without a session', async () => {
    for (const kind of ['statuses', 'fields', 'users']) {
      const missing = await admin.get(`/api/integrations/nope/${kind}`);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
      expect((await api.request(`/api/integrations/nope/${kind}`)).status).toBe(401);
    }
  });
});
