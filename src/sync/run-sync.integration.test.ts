import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/storage.ts';
import { VERIFY_JOB } from '../integrations/jobs.ts';
import { LeaseLostError } from '../jobs/job-lease.ts';
import { updateIntegration } from '../storage/integrations.ts';
import { listAllIssueRows } from '../storage/mirror-issue-queries.ts';
import type { SyncFixture } from './testing/fixture.ts';
import { createSyncFixture, expectParity } from './testing/fixture.ts';

describe.each(DIALECTS)('sync runs on %s', (dialect) => {
  let fixture: SyncFixture | undefined;
  afterEach(async () => {
    await fixture?.close();
    fixture = undefined;
  });

  it('stops on a refused token and asks for the integration to be verified again', async () => {
    fixture = await createSyncFixture(dialect, { flavor: 'cloud', issues: 30 });
    fixture.sandbox.revokeCredentials();
    const { outcome, run } = await fixture.sync('full');
    expect(outcome).toMatchObject({
      ran: true,
      status: 'failed',
      error: { code: 'invalid_credentials' },
    });
    expect(run.status).toBe('failed');
    expect(fixture.enqueued.map((job) => job.name)).toContain(VERIFY_JOB);
  });

  it('does not run for an integration that is not connected', async () => {
    fixture = await createSyncFixture(dialect, { flavor: 'cloud', issues: 30 });
    await updateIntegration(fixture.storage.db, fixture.integrationId, { status: 'failed' });
    const { outcome } = await fixture.sync('full');
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'not_connected' } });
    expect(fixture.sandbox.requestCount).toBe(0);
  });

  it('leaves the run to the worker that took it over when its lease was lost', async () => {
    fixture = await createSyncFixture(dialect, { flavor: 'cloud', issues: 250, latencyMs: 5 });
    const lost = new AbortController();
    const { sandbox } = fixture;
    const watcher = setInterval(() => {
      if ((sandbox.stats().byRoute['POST /rest/api/3/issue/bulkfetch'] ?? 0) >= 1)
        lost.abort(new LeaseLostError('The job was taken over or cancelled'));
    }, 1);
    const { outcome, run } = await fixture.sync('full', lost.signal);
    clearInterval(watcher);
    expect(outcome).toEqual({ ran: true, status: 'interrupted' });
    // Still as the run's new worker would have it: running, not put back in the queue.
    expect(run.status).toBe('running');
  });

  it('resumes a stopped full sync from its checkpoint to exact parity', async () => {
    fixture = await createSyncFixture(
      dialect,
      {
        flavor: 'cloud',
        issues: 250,
        pageCap: 7,
        latencyMs: 5,
      },
      { concurrency: 1 },
    );
    const stop = new AbortController();
    const { sandbox } = fixture;
    const watcher = setInterval(() => {
      if ((sandbox.stats().byRoute['POST /rest/api/3/issue/bulkfetch'] ?? 0) >= 1) stop.abort();
    }, 1);
    const first = await fixture.sync('full', stop.signal);
    clearInterval(watcher);
    expect(first.outcome).toEqual({ ran: true, status: 'interrupted' });
    const partial = (await listAllIssueRows(fixture.storage.db, fixture.integrationId)).length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(250);
    const again = await fixture.resume(first.run.id);
    expect(again.outcome).toEqual({ ran: true, status: 'succeeded' });
    expect(again.run.counts.listed).toBe(250);
    await expectParity(fixture);
  });
});
