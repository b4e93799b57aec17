import { describe, expect, it } from 'vitest';
import { runOrdered } from './ordered-pool.ts';

async function* numbers(n: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) yield await Promise.resolve(i);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runOrdered', () => {
  it('commits in source order with bounded concurrency', async () => {
    let running = 0;
    let peak = 0;
    const committed: number[] = [];
    const failure = await runOrdered({
      source: numbers(40),
      concurrency: 5,
      work: async (i: number) => {
        running++;
        peak = Math.max(peak, running);
        await pause((i * 7) % 5);
        running--;
        return { ok: true, value: i * 2 };
      },
      commit: async (batch) => {
        committed.push(...batch.map((done) => done.value));
        await pause(0);
      },
    });
    expect(failure).toBeNull();
    expect(committed).toEqual(Array.from({ length: 40 }, (_, i) => i * 2));
    expect(peak).toBe(5);
  });

  it('stops at the first failure in order and commits only what came before', async () => {
    const committed: number[] = [];
    const failure = await runOrdered({
      source: numbers(30),
      concurrency: 4,
      work: async (i: number) => {
        await pause(i === 7 ? 5 : 1);
        return i === 7 ? { ok: false, error: `failed ${i}` } : { ok: true, value: i };
      },
      commit: (batch) => {
        committed.push(...batch.map((done) => done.value));
        return Promise.resolve();
      },
    });
    expect(failure).toBe('failed 7');
    expect(committed).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('commits the results that queued up behind a slow item together, up to maxBatch', async () => {
    const batches: number[][] = [];
    const failure = await runOrdered({
      source: numbers(7),
      concurrency: 7,
      maxBatch: 4,
      work: async (i: number) => {
        await pause(i === 0 ? 20 : 1);
        return { ok: true, value: i };
      },
      commit: (batch) => {
        batches.push(batch.map((done) => done.value));
        return Promise.resolve();
      },
    });
    expect(failure).toBeNull();
    expect(batches).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('rethrows a bug in work after the pool stops', async () => {
    await expect(
      runOrdered({
        source: numbers(5),
        concurrency: 2,
        work: (i: number) =>
          i === 2 ? Promise.reject(new Error('bug')) : Promise.resolve({ ok: true, value: i }),
        commit: () => Promise.resolve(),
      }),
    ).rejects.toThrow('bug');
  });
});
