import { describe } from 'vitest';
import { DIALECTS } from '../../test/support/storage.ts';
import type { JobContext } from './job-queue.ts';
import { jobsTest, sleep, waitFor } from './test-fixtures/support.ts';

describe.concurrent.each(DIALECTS)('job queue on %s', (dialect) => {
  const test = jobsTest(dialect);

  test('runs an enqueued job once, with its data', async ({ jobs, expect }) => {
    const storage = jobs.open();
    const queue = jobs.queue(storage);
    const runs: Omit<JobContext, 'signal'>[] = [];
    queue.register('greet', ({ id, name, data, attempt }) => {
      runs.push({ id, name, data, attempt });
      return Promise.resolve();
    });
    await queue.start();

    const id = await queue.enqueue('greet', { who: 'world', tags: ['a', 1, null] });

    await waitFor('the job to run', () => runs.length === 1);
    await sleep(400);
    expect(runs).toEqual([
      { id, name: 'greet', data: { who: 'world', tags: ['a', 1, null] }, attempt: 1 },
    ]);
    expect(jobs.logger.errors).toEqual([]);
  });

  test('keeps one live job per singleton key and never runs two at once', async ({
    jobs,
    expect,
  }) => {
    const storage = jobs.open();
    const queue = jobs.queue(storage);
    let running = 0;
    let maxRunning = 0;
    let finished = 0;
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    queue.register(
      'sync',
      async () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await released;
        running -= 1;
        finished += 1;
      },
      { concurrency: 3 },
    );
    await queue.start();

    const first = await queue.enqueue(
      'sync',
      { integration: 1 },
      { singletonKey: 'integration:1' },
    );
    expect(first).toEqual(expect.any(String));
    expect(await queue.enqueue('sync', { integration: 1 }, { singletonKey: 'integration:1' })).toBe(
      null,
    );
    await waitFor('the first run to start', () => running === 1);
    expect(await queue.enqueue('sync', { integration: 1 }, { singletonKey: 'integration:1' })).toBe(
      null,
    );
    // Another key is independent.
    const other = await queue.enqueue(
      'sync',
      { integration: 2 },
      { singletonKey: 'integration:2' },
    );
    expect(other).toEqual(expect.any(String));
    await waitFor('the other key to run alongside', () => running === 2);

    release();
    await waitFor('both runs to finish', () => finished === 2);
    // Once the run is recorded as finished, the key is free again.
    let again: string | null = null;
    const deadline = Date.now() + 5000;
    while (again === null && Date.now() < deadline) {
      again = await queue.enqueue('sync', { integration: 1 }, { singletonKey: 'integration:1' });
      if (again === null) await sleep(25);
    }
    expect(again).toEqual(expect.any(String));
    await waitFor('the new run', () => finished === 3);
    expect(maxRunning).toBe(2);
  });

  test('runs a scheduled job repeatedly', async ({ jobs, expect }) => {
    const storage = jobs.open();
    const queue = jobs.queue(storage);
    const attempts: number[] = [];
    queue.register('tick', ({ attempt }) => {
      attempts.push(attempt);
      return Promise.resolve();
    });
    queue.schedule('tick', 1, { source: 'schedule' });
    await queue.start();

    await waitFor('three scheduled runs', () => attempts.length >= 3, 8000);
    expect(attempts.every((attempt) => attempt === 1)).toBe(true);
  });

  test('retries a failing job, then marks it failed without crashing', async ({ jobs, expect }) => {
    const storage = jobs.open();
    const queue = jobs.queue(storage);
    const attempts: number[] = [];
    queue.register(
      'flaky',
      ({ attempt }) => {
        attempts.push(attempt);
        return Promise.reject(new Error(`failure ${attempt}`));
      },
      { retryLimit: 2, retryDelaySeconds: 0 },
    );
    const recovered: number[] = [];
    queue.register(
      'recovers',
      ({ attempt }) => {
        recovered.push(attempt);
        return attempt === 1 ? Promise.reject(new Error('once')) : Promise.resolve();
      },
      { retryLimit: 2, retryDelaySeconds: 0 },
    );
    await queue.start();

    await queue.enqueue('flaky', {});
    await queue.enqueue('recovers', {});

    await waitFor('every attempt', () => attempts.length === 3 && recovered.length === 2);
    await sleep(600);
    expect(attempts).toEqual([1, 2, 3]);
    expect(recovered).toEqual([1, 2]);
  });

  test('renews the lease of a long run, so no other worker takes it over while it lives', async ({
    jobs,
    expect,
  }) => {
    const queues = [jobs.queue(jobs.open()), jobs.queue(jobs.open(), { workerId: 'other' })];
    const runs: { attempt: number; aborted: boolean }[] = [];
    for (const queue of queues) {
      queue.register(
        'long',
        async ({ attempt, signal }) => {
          await sleep(3500);
          runs.push({ attempt, aborted: signal.aborted });
        },
        { leaseSeconds: 1, retryLimit: 2, retryDelaySeconds: 0 },
      );
      await queue.start();
    }

    await queues[0]!.enqueue('long', {});

    await waitFor('the run to end', () => runs.length === 1);
    await sleep(1500);
    expect(runs).toEqual([{ attempt: 1, aborted: false }]);
    expect(jobs.logger.errors).toEqual([]);
  });

  test('cancels a job before it starts, which frees its singleton key', async ({
    jobs,
    expect,
  }) => {
    const queue = jobs.queue(jobs.open());
    const runs: unknown[] = [];
    queue.register('later', ({ data }) => {
      runs.push(data);
      return Promise.resolve();
    });
    await queue.start();
    const options = { singletonKey: 'integration:1', startAfter: new Date(Date.now() + 1000) };
    const first = await queue.enqueue('later', { n: 1 }, options);
    if (first === null) throw new Error('not enqueued');

    expect(await queue.cancel('later', first)).toBe(true);
    expect(await queue.cancel('later', first)).toBe(false);
    expect(await queue.enqueue('later', { n: 2 }, options)).toEqual(expect.any(String));

    await waitFor('the second job to run', () => runs.length === 1);
    await sleep(400);
    expect(runs).toEqual([{ n: 2 }]);
  });

  test('does not start a job before its startAfter', async ({ jobs, expect }) => {
    const storage = jobs.open();
    const queue = jobs.queue(storage);
    const startedAt: number[] = [];
    queue.register('later', () => {
      startedAt.push(Date.now());
      return Promise.resolve();
    });
    await queue.start();

    const notBefore = Date.now() + 1000;
    await queue.enqueue('later', {}, { startAfter: new Date(notBefore) });

    await waitFor('the delayed run', () => startedAt.length === 1);
    expect(startedAt[0]).toBeGreaterThanOrEqual(notBefore - 50);
  });

  test('stop() waits for a running handler', async ({ jobs, expect }) => {
    const storage = jobs.open();
    const queue = jobs.queue(storage);
    let started = false;
    let finished = false;
    queue.register('slow', async () => {
      started = true;
      await sleep(400);
      finished = true;
    });
    await queue.start();
    await queue.enqueue('slow', {});
    await waitFor('the run to start', () => started);

    await queue.stop(5000);
    expect(finished).toBe(true);
  });

  test('stop() aborts a handler that outlives the timeout, and the job is retried later', async ({
    jobs,
    expect,
  }) => {
    const storage = jobs.open();
    const queue = jobs.queue(storage);
    const options = { retryLimit: 1, retryDelaySeconds: 0 };
    let started = false;
    queue.register(
      'stuck',
      ({ signal }) =>
        new Promise<void>((_resolve, reject) => {
          started = true;
          signal.addEventListener('abort', () => {
            reject(new Error('aborted'));
          });
        }),
      options,
    );
    await queue.start();
    const id = await queue.enqueue('stuck', {});
    await waitFor('the run to start', () => started);

    await queue.stop(100);

    const retries: { id: string; attempt: number }[] = [];
    const retryQueue = jobs.queue(storage);
    retryQueue.register(
      'stuck',
      ({ id, attempt }) => {
        retries.push({ id, attempt });
        return Promise.resolve();
      },
      options,
    );
    await retryQueue.start();
    await waitFor('the retry', () => retries.length === 1);
    expect(retries).toEqual([{ id, attempt: 2 }]);
  });
});
