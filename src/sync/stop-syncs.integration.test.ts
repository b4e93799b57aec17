import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/storage.ts';
import { VERIFY_JOB } from '../integrations/jobs.ts';
import { verifyIntegrationJob } from '../integrations/verify-job.ts';
import { findIntegration } from '../storage/integrations.ts';
import { findSyncRun, markSyncRunRunning } from '../storage/sync-runs.ts';
import { requestSync, SYNC_JOB } from './jobs.ts';
import { sweepSyncs } from './register-jobs.ts';
import type { SyncFixture } from './testing/fixture.ts';
import { createSyncFixture } from './testing/fixture.ts';
import { runRowToView } from './views.ts';

/** Requests a sync, revokes the token in Jira and runs the verification job, as a re-check would. */
async function queueThenRevoke(fixture: SyncFixture, running: boolean): Promise<string> {
  const request = await requestSync(fixture.deps, fixture.integrationId, 'full');
  if (request.runId === null) throw new Error('no run');
  if (running)
    await markSyncRunRunning(fixture.storage.db, request.runId, new Date().toISOString());
  fixture.sandbox.revokeCredentials();
  await verifyIntegrationJob(fixture.deps, { connectTimeoutMs: 2000 })({
    id: 'verify-1',
    name: VERIFY_JOB,
    data: { integrationId: fixture.integrationId, settingsVersion: 1 },
    attempt: 1,
    signal: new AbortController().signal,
  });
  const integration = await findIntegration(fixture.storage.db, fixture.integrationId);
  expect(integration?.status).toBe('failed');
  return request.runId;
}

const readRun = async (fixture: SyncFixture, runId: string) => {
  const row = await findSyncRun(fixture.storage.db, runId);
  if (row === undefined) throw new Error('run vanished');
  return runRowToView(row, new Date());
};

describe.each(DIALECTS)('an integration whose token is revoked, on %s', (dialect) => {
  let fixture: SyncFixture | undefined;
  afterEach(async () => {
    await fixture?.close();
    fixture = undefined;
  });

  it('has its queued run cancelled with its job, and the schedule skips it', async () => {
    fixture = await createSyncFixture(dialect, { flavor: 'cloud', issues: 10 });
    const runId = await queueThenRevoke(fixture, false);

    expect(await readRun(fixture, runId)).toMatchObject({
      status: 'cancelled',
      error: { code: 'not_connected', message: expect.stringContaining('failed') },
    });
    expect(fixture.cancelled).toEqual(['job-1']);
    const syncJobs = () => fixture?.enqueued.filter((job) => job.name === SYNC_JOB).length;
    const before = syncJobs();
    await sweepSyncs(fixture.deps);
    expect(syncJobs()).toBe(before);
  });

  it('has its running run stopped by its worker, which ends it cancelled', async () => {
    fixture = await createSyncFixture(dialect, { flavor: 'cloud', issues: 10 });
    const runId = await queueThenRevoke(fixture, true);
    expect(await readRun(fixture, runId)).toMatchObject({ status: 'running', phase: 'cancelling' });

    fixture.sandbox.resetStats();
    const resumed = await fixture.resume(runId);
    expect(resumed.outcome).toEqual({ ran: true, status: 'cancelled' });
    expect(resumed.run.status).toBe('cancelled');
    expect(fixture.sandbox.stats().total).toBe(0);
  });
});
