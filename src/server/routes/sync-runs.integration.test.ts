import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, logIn } from '../../../test/support/api.ts';
import type { Browser, TestApi } from '../../../test/support/api.ts';
import { DIALECTS, createTestStorage } from '../../../test/support/storage.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import { startSandbox } from '../../sandbox/index.ts';
import type { IntegrationView } from '../../shared/integrations.ts';
import type { SyncRunView } from '../../shared/mirror.ts';
import type { Storage } from '../../storage/connect.ts';
import { listAllIssueRows } from '../../storage/mirror-issue-queries.ts';
import { insertSyncRun, setSyncRunJob } from '../../storage/sync-runs.ts';
import { findSyncState } from '../../storage/sync-state.ts';
import { emptyCounts } from '../../sync/context.ts';
import { readCheckpoint } from '../../sync/full-sync.ts';
import { SYNC_JOB } from '../../sync/jobs.ts';
import { waitFor } from '../../../test/support/wait.ts';

// Runs of 1,500 issues on a loaded machine outlast the default wait.
const waitForSync: typeof waitFor = (read, done) => waitFor(read, done, 30_000);

const ISSUES = 1500;

describe.each(DIALECTS)('cancelling sync runs on %s', (dialect) => {
  let sandbox: Sandbox;
  let storage: Storage;
  let api: TestApi;
  let admin: Browser;

  beforeEach(async () => {
    // Two requests at a time with some latency: the full sync takes a few seconds, unit by unit.
    sandbox = await startSandbox({
      flavor: 'cloud',
      issues: ISSUES,
      latencyMs: 100,
      maxConcurrent: 2,
    });
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
    await sandbox.stop();
  });

  async function userWithRole(role: 'member' | 'viewer'): Promise<Browser> {
    const user = { email: `${role}@example.com`, password: 'a long password!', name: role };
    const created = await admin.send('POST', '/api/users', { ...user, role });
    expect(created.status).toBe(201);
    return logIn(api, user);
  }

  async function connect(): Promise<string> {
    if (sandbox.credentials.flavor !== 'cloud') throw new Error('expected cloud');
    const created = await admin.send('POST', '/api/integrations', {
      type: 'jira',
      protocol: 'http',
      hostname: new URL(sandbox.url).host,
      email: sandbox.credentials.email,
      token: sandbox.credentials.apiToken,
      allowInsecureHttp: true,
    });
    return ((await created.json()) as IntegrationView).id;
  }

  const readRun = async (runId: string) =>
    (await (await admin.get(`/api/sync-runs/${runId}`)).json()) as SyncRunView;
  const firstRun = async (integrationId: string) =>
    (
      (await (await admin.get(`/api/integrations/${integrationId}/sync-runs`)).json()) as {
        items: SyncRunView[];
      }
    ).items[0];

  it('stops a running run at a unit boundary, keeping a consistent checkpoint', async () => {
    const [member, viewer] = [await userWithRole('member'), await userWithRole('viewer')];
    const integrationId = await connect();
    // The full sync that starts by itself once the integration is connected.
    const running = await waitForSync(
      () => firstRun(integrationId),
      (run) => run?.status === 'running' && run.done > 0,
    );
    if (running === undefined) throw new Error('no run');

    const refused = await viewer.send('POST', `/api/sync-runs/${running.id}/cancel`);
    expect(refused.status).toBe(403);
    const accepted = await member.send('POST', `/api/sync-runs/${running.id}/cancel`);
    expect(accepted.status).toBe(202);
    const answer = (await accepted.json()) as SyncRunView;
    expect(answer.id).toBe(running.id);
    expect(['cancelling', 'finished']).toContain(answer.phase);

    const ended = await waitForSync(
      () => readRun(running.id),
      (run) => run.status !== 'running',
    );
    expect(ended).toMatchObject({ status: 'cancelled', phase: 'finished' });
    expect(ended.error).toBeUndefined();
    expect(ended.done).toBeLessThan(ISSUES);
    // What was committed stays, and it is exactly what the checkpoint says: every issue up to it.
    const rows = await listAllIssueRows(storage.db, integrationId);
    const state = await findSyncState(storage.db, integrationId);
    const { after } = readCheckpoint(state?.checkpoint_json);
    expect(rows.length).toBe(ended.counts.listed);
    expect(rows.map((row) => row.jira_id)).toEqual(
      sandbox
        .listIssues()
        .filter((issue) => Number(issue.id) <= after)
        .map((issue) => issue.id),
    );

    const again = await member.send('POST', `/api/sync-runs/${running.id}/cancel`);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      error: { code: 'conflict', message: expect.stringContaining('already ended (cancelled)') },
    });
    expect((await member.send('POST', `/api/sync-runs/nope/cancel`)).status).toBe(404);

    const openapi = (await (await api.request('/api/openapi.json')).json()) as {
      paths: Record<string, { post?: { responses: Record<string, unknown> } }>;
    };
    const documented = openapi.paths['/api/sync-runs/{runId}/cancel']?.post?.responses ?? {};
    expect(Object.keys(documented)).toEqual(expect.arrayContaining(['202', '403', '404', '409']));
  }, 60_000);

  it('cancels a queued run at once and frees the integration for the next sync', async () => {
    const integrationId = await connect();
    const first = await waitForSync(
      () => firstRun(integrationId),
      (run) => run?.status === 'succeeded',
    );
    // A run whose job waits, as one does for a free worker or a retry.
    const runId = randomUUID();
    await insertSyncRun(storage.db, {
      id: runId,
      integration_id: integrationId,
      mode: 'full',
      status: 'queued',
      phase: 'queued',
      counts_json: JSON.stringify(emptyCounts()),
      done: 0,
      total: null,
      error_json: null,
      created_at: new Date().toISOString(),
      started_at: null,
      finished_at: null,
      job_id: null,
      cancel_requested_at: null,
    });
    const jobId = await api.deps.jobs.enqueue(
      SYNC_JOB,
      { integrationId, runId, mode: 'full' },
      {
        singletonKey: `integration:${integrationId}`,
        startAfter: new Date(Date.now() + 3600_000),
      },
    );
    if (jobId === null) throw new Error('not enqueued');
    await setSyncRunJob(storage.db, runId, jobId);

    const cancelled = await admin.send('POST', `/api/sync-runs/${runId}/cancel`);
    expect(cancelled.status).toBe(202);
    expect(await cancelled.json()).toMatchObject({
      id: runId,
      status: 'cancelled',
      finishedAt: expect.any(String),
    });

    const next = await admin.send('POST', `/api/integrations/${integrationId}/sync`, {
      mode: 'incremental',
    });
    expect(next.status).toBe(202);
    const queued = (await next.json()) as { runId: string; alreadyRunning: boolean };
    expect(queued.alreadyRunning).toBe(false);
    expect([first?.id, runId]).not.toContain(queued.runId);
    await waitForSync(
      () => readRun(queued.runId),
      (run) => run.status === 'succeeded',
    );
    expect((await readRun(runId)).status).toBe('cancelled');
  }, 60_000);
});
