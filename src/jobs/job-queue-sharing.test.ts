import { describe } from 'vitest';
import { DIALECTS } from '../../test/support/storage.ts';
import type { JobsFixture } from './test-fixtures/support.ts';
import { jobsTest, sleep, waitFor } from './test-fixtures/support.ts';

/** Two queue instances, each with its own connections, on the test's one database. */
function twoQueues(jobs: JobsFixture) {
  return [0, 1].map((index) => jobs.queue(jobs.open(), { workerId: `worker-${index}` }));
}

describe.concurrent.each(DIALECTS)('two job queues sharing one %s database', (dialect) => {
  const test = jobsTest(dialect);

  test('never run the same job twice, nor at the same time', async ({ jobs, expect }) => {
    const queues = twoQueues(jobs);
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

    const ids = await Promise.all(
      Array.from({ length: 40 }, (_, n) => queues[n % 2]!.enqueue('work', { n })),
    );

    await waitFor('every job to run', () => runsById.size === 40, 15_000);
    await sleep(300);
    expect(new Set(runsById.keys())).toEqual(new Set(ids));
    expect([...runsById.values()].every((runs) => runs === 1)).toBe(true);
    expect(overlaps).toBe(0);
    expect(ranOn).toEqual(new Set([0, 1]));
    expect(jobs.logger.errors).toEqual([]);
  });

  test('admit one job per singleton key however many enqueue it at once', async ({
    jobs,
    expect,
  }) => {
    const queues = twoQueues(jobs);
    await Promise.all(queues.map((queue) => queue.start()));

    const ids = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        queues[n % 2]!.enqueue('sync', { n }, { singletonKey: 'integration:7' }),
      ),
    );

    expect(ids.filter((id) => id !== null)).toHaveLength(1);
  });

  test('enqueue a scheduled job once per period, not once per process', async ({
    jobs,
    expect,
  }) => {
    const queues = twoQueues(jobs);
    const runs: number[] = [];
    for (const queue of queues) {
      queue.register('tick', () => {
        runs.push(Date.now());
        return Promise.resolve();
      });
      queue.schedule('tick', 1);
    }
    const starting = Date.now();
    await Promise.all(queues.map((queue) => queue.start()));
    const started = Date.now();

    await sleep(2200);
    const now = Date.now();
    // Each process ticks twice a period, four enqueues a period in all; one per period gets in.
    // At least one per period once both run; at most one per period since the first could start
    // (starting pg-boss took over 2 s on a loaded machine, which counted as periods without ticks).
    expect(runs.length).toBeGreaterThanOrEqual(Math.ceil((now - started) / 1000) - 1);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil((now - starting) / 1000) + 1);
  });
});
