import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, logIn } from '../../../test/support/api.ts';
import type { Browser, TestApi } from '../../../test/support/api.ts';
import { DIALECTS, createTestStorage } from '../../../test/support/storage.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import { startSandbox } from '../../sandbox/index.ts';
import type { IntegrationView } from '../../shared/integrations.ts';
import type { MirrorIssue, MirrorIssueDetail, Page, SyncRunView } from '../../shared/mirror.ts';
import type { Storage } from '../../storage/connect.ts';
import { waitFor } from '../../../test/support/wait.ts';

describe.each(DIALECTS)('mirror API on %s', (dialect) => {
  let sandbox: Sandbox;
  let storage: Storage;
  let api: TestApi;
  let admin: Browser;

  beforeAll(async () => {
    sandbox = await startSandbox({ flavor: 'cloud', issues: 60, timeZone: 'America/Denver' });
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

  const runs = async (id: string) =>
    (
      (await (await admin.get(`/api/integrations/${id}/sync-runs`)).json()) as {
        items: SyncRunView[];
      }
    ).items;

  it('syncs by itself once connected, then serves projects, issues and comments', async () => {
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
    const [first] = await waitFor(
      () => runs(id),
      (items) => items[0]?.status === 'succeeded',
    );
    expect(first).toMatchObject({ mode: 'full', done: 60, total: 60, counts: { written: 60 } });
    const run = (await (
      await admin.get(`/api/sync-runs/${first?.id ?? ''}`)
    ).json()) as SyncRunView;
    expect(run.status).toBe('succeeded');

    const projects = (await (await admin.get(`/api/integrations/${id}/projects`)).json()) as {
      items: unknown[];
    };
    expect(projects.items.length).toBe(3);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const page = (await (
        await admin.get(`/api/integrations/${id}/issues?limit=25${query}`)
      ).json()) as Page<MirrorIssue>;
      seen.push(...page.items.map((i) => i.key));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen.sort()).toEqual(
      sandbox
        .listIssues()
        .map((i) => i.key)
        .sort(),
    );

    const truth = sandbox.listIssues()[3];
    if (truth === undefined) throw new Error('no issue');
    const filtered = (await (
      await admin.get(
        `/api/integrations/${id}/issues?project=${truth.projectKey}&status=${encodeURIComponent(truth.status)}`,
      )
    ).json()) as Page<MirrorIssue>;
    expect(
      filtered.items.every((i) => i.projectKey === truth.projectKey && i.status === truth.status),
    ).toBe(true);
    expect(filtered.items.map((i) => i.key)).toContain(truth.key);

    const other = sandbox.listIssues().find((i) => i.projectKey !== truth.projectKey);
    sandbox.moveIssue(truth.key, other?.projectKey ?? '');
    sandbox.addComment(truth.id, 'after the move');
    const queued = await admin.send('POST', `/api/integrations/${id}/sync`, {
      mode: 'incremental',
    });
    expect(queued.status).toBe(202);
    const { runId } = (await queued.json()) as { runId: string };
    await waitFor(
      async () => (await (await admin.get(`/api/sync-runs/${runId}`)).json()) as SyncRunView,
      (r) => r.status === 'succeeded',
    );
    const byOldKey = (await (
      await admin.get(`/api/integrations/${id}/issues/${truth.key}`)
    ).json()) as MirrorIssueDetail;
    expect(byOldKey.id).toBe(truth.id);
    expect(byOldKey.key).toBe(sandbox.getIssue(truth.id)?.key);
    expect(byOldKey.comments.length).toBe(truth.commentCount + 1);

    expect((await admin.get(`/api/integrations/${id}/issues/NOPE-1`)).status).toBe(404);
    expect((await admin.get(`/api/integrations/${id}/issues?cursor=garbage`)).status).toBe(400);
  });
});
