import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/support/storage.ts';
import { DIALECTS } from '../../test/support/storage.ts';
import type { Storage } from '../storage/connect.ts';
import { createJobQueue } from './create-job-queue.ts';
import type { JobQueue } from './job-queue.ts';
import {
  createSharedDatabase,
  createTestLogger,
  openShared,
  sleep,
  waitFor,
} from './test-fixtures/support.ts';

describe.each(DIALECTS)('two job queues sharing one %s database', (dialect) => {
  let database: TestDatabase;
  let storages: Storage[];
  let queues: JobQueue[];
  let logger: ReturnType<typeof createTestLogger>;

  beforeEach(async () => {
    database = await createSharedDatabase(dialect);
    logger = createTestLogger();
    storages = [openShared(database), openShared(database)];
    queues = storages.map((storage, index) =>
      createJobQueue(storage, {
        logger,
        workerId: `worker-${index}`,
        pollIntervalMs: 100,
        maintenanceIntervalSeconds: 1,
      }),
    );
  });
  afterEach(async () => {
    await Promise.all(queues.map((queue) => queue.stop(2000)));
    await Promise.all(storages.map((storage) => storage.close()));
    await database.drop();
  });

  it('never run the same job twice, nor at the same time', async () => {
    const runsById = new Map<string, number>();
    const activeById = new Map<string, number>();
    let overlaps = 0;
    const ranOn = new Set<number>();
    queues.forEach((queue, index) => {
      queue.register(
        'work',
        async ({ id }) => {
          ranOn.add(index);
          const active = (activeById.get(id) ?? 0) + 1;
          activeById.set(id, active);
          if (active > 1) overlaps += 1;
          await sleep(30);
          activeById.set(id, active - 1);
          runsById.set(id, (runsById.get(id) ?? 0) + 1);
        },
        { concurrency: 3 },
      );
    });
    await Promise.all(queues.map((queue) => queue.start()));
    const [first, second] = queues;

    const ids = await Promise.all(
      Array.from({ length: 40 }, (_, n) => (n % 2 === 0 ? first : second)!.enqueue('work', { n })),
    );

    await waitFor('every job to run', () => runsById.size === 40, 15_000);
    await sleep(300);
    expect(new Set(runsById.keys())).toEqual(new Set(ids));
    expect([...runsById.values()].every((runs) => runs === 1)).toBe(true);
    expect(overlaps).toBe(0);
    expect(ranOn).toEqual(new Set([0, 1]));
    expect(logger.errors).toEqual([]);
  });

  it('admit one job per singleton key however many enqueue it at once', async () => {
    await Promise.all(queues.map((queue) => queue.start()));
    const attempts = Array.from({ length: 10 }, (_, n) =>
      queues[n % 2]!.enqueue('sync', { n }, { singletonKey: 'integration:7' }),
    );

    const ids = await Promise.all(attempts);

    expect(ids.filter((id) => id !== null)).toHaveLength(1);
  });

  it('enqueue a scheduled job once per period, not once per process', async () => {
    const runs: number[] = [];
    for (const queue of queues) {
      queue.register('tick', () => {
        runs.push(Date.now());
        return Promise.resolve();
      });
      queue.schedule('tick', 1);
    }
    const startedAt = Date.now();
    await Promise.all(queues.map((queue) => queue.start()));

    await sleep(2200);
    const periods = Math.ceil((Date.now() - startedAt) / 1000);
    // Each process ticks twice a period, four enqueues a period in all; one per period gets in.
    expect(runs.length).toBeGreaterThanOrEqual(periods - 1);
    expect(runs.length).toBeLessThanOrEqual(periods + 1);
  });
});
