import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/storage.ts';
import { createJobQueue } from '../jobs/create-job-queue.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { Storage } from '../storage/connect.ts';
import { openStorage } from '../storage/connect.ts';
import { listSyncRuns } from '../storage/sync-runs.ts';
import { requestSync } from './jobs.ts';
import type { SyncFixture } from './testing/fixture.ts';
import { createSyncFixture } from './testing/fixture.ts';

describe.each(DIALECTS)('"Sync now" from two processes at once on %s', (dialect) => {
  let fixture: SyncFixture | undefined;
  const storages: Storage[] = [];
  const queues: JobQueue[] = [];
  afterEach(async () => {
    await Promise.all(queues.map((queue) => queue.stop(1000)));
    await Promise.all(storages.map((storage) => storage.close()));
    queues.length = 0;
    storages.length = 0;
    await fixture?.close();
    fixture = undefined;
  });

  it('gives one run, which every request answers', async () => {
    fixture = await createSyncFixture(dialect, { flavor: 'cloud', issues: 10 });
    const { integrationId, target } = fixture;
    // Two processes' connections and queues on the fixture's database; neither runs the job.
    const processes = [0, 1].map((index) => {
      const storage = openStorage(target);
      const jobs = createJobQueue(storage, {
        logger: { error: () => undefined },
        workerId: `process-${index}`,
      });
      storages.push(storage);
      queues.push(jobs);
      return { db: storage.db, jobs, now: () => new Date() };
    });
    await Promise.all(queues.map((queue) => queue.start()));

    const requests = await Promise.all(
      Array.from({ length: 10 }, (_, n) => requestSync(processes[n % 2]!, integrationId, 'full')),
    );

    const runs = await listSyncRuns(fixture.storage.db, integrationId, 10);
    expect(runs).toHaveLength(1);
    expect(requests.filter((request) => request.queued)).toHaveLength(1);
    // A request that lost the race at the queue answers the winner's run once it can see it.
    expect(new Set(requests.map((request) => request.runId))).toEqual(new Set([runs[0]?.id]));
  });
});
