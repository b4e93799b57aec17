import { describe } from 'vitest';
import { DIALECTS } from '../../test/support/storage.ts';
import type { Storage } from '../storage/connect.ts';
import {
  claimJob,
  deleteFinishedJobs,
  findJob,
  insertJob,
  markJobCompleted,
  markJobForRetry,
} from '../storage/jobs.ts';
import type { NewJobRow } from '../storage/schema.ts';
import { jobsTest } from './test-fixtures/support.ts';

// The SQLite adapter's repository, run on both databases because its SQL is meant to be portable.
const T0 = '2026-11-23T10:00:00.000Z';
const T1 = '2026-11-23T10:00:01.000Z';
const T2 = '2026-11-23T10:00:02.000Z';
const T5 = '2026-11-23T10:00:05.000Z';

function job(id: string, changes: Partial<NewJobRow> = {}): NewJobRow {
  return {
    id,
    name: 'sync',
    data: '{}',
    state: 'queued',
    singleton_key: null,
    schedule_slot: null,
    attempt: 0,
    run_at: T0,
    locked_by: null,
    locked_until: null,
    last_error: null,
    created_at: T0,
    finished_at: null,
    ...changes,
  };
}

describe.concurrent.each(DIALECTS)('jobs table on %s', (dialect) => {
  const test = jobsTest(dialect);
  const claimAt = (storage: Storage, now: string, lockedBy = 'w1', lockedUntil = T2) =>
    claimJob(storage.db, { name: 'sync', lockedBy, lockedUntil, now });

  test('claims due jobs oldest first, each once, and leaves future ones', async ({
    jobs,
    expect,
  }) => {
    const storage = jobs.open();
    await insertJob(storage.db, job('b', { run_at: T1 }));
    await insertJob(storage.db, job('a', { run_at: T0 }));
    await insertJob(storage.db, job('later', { run_at: T5 }));

    expect(await claimAt(storage, T1)).toMatchObject({ id: 'a', state: 'active', attempt: 1 });
    expect(await claimAt(storage, T1)).toMatchObject({
      id: 'b',
      locked_by: 'w1',
      locked_until: T2,
    });
    expect(await claimAt(storage, T1)).toBeUndefined();
  });

  test('gives a job whose lease ran out to the next worker, and only that worker finishes it', async ({
    jobs,
    expect,
  }) => {
    const storage = jobs.open();
    await insertJob(storage.db, job('a'));
    const first = await claimAt(storage, T0, 'w1', T2);
    expect(await claimAt(storage, T1, 'w2')).toBeUndefined();

    const second = await claimAt(storage, T2, 'w2', T5);

    expect(second).toMatchObject({ id: 'a', attempt: 2, locked_by: 'w2' });
    const lateClaim = { id: 'a', lockedBy: 'w1', attempt: first?.attempt ?? 0 };
    expect(await markJobCompleted(storage.db, lateClaim, T2)).toBe(false);
    expect(await markJobCompleted(storage.db, { id: 'a', lockedBy: 'w2', attempt: 2 }, T2)).toBe(
      true,
    );
    expect(await findJob(storage.db, 'a')).toMatchObject({ state: 'completed', locked_by: null });
  });

  test('never hands one job to two concurrent claims', async ({ jobs, expect }) => {
    const storage = jobs.open();
    for (const id of ['a', 'b', 'c']) await insertJob(storage.db, job(id));

    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, n) => claimAt(storage, T1, `w${n}`)),
    );

    const ids = claims.flatMap((claimed) => (claimed ? [claimed.id] : []));
    expect(ids.sort()).toEqual(['a', 'b', 'c']);
  });

  test('admits one live job per singleton key and one job per schedule slot', async ({
    jobs,
    expect,
  }) => {
    const storage = jobs.open();
    expect(await insertJob(storage.db, job('a', { singleton_key: 'k' }))).toBe(true);
    expect(await insertJob(storage.db, job('b', { singleton_key: 'k' }))).toBe(false);
    await claimAt(storage, T0);
    expect(await insertJob(storage.db, job('c', { singleton_key: 'k' }))).toBe(false);
    await markJobCompleted(storage.db, { id: 'a', lockedBy: 'w1', attempt: 1 }, T1);
    expect(await insertJob(storage.db, job('d', { singleton_key: 'k' }))).toBe(true);

    expect(await insertJob(storage.db, job('e', { schedule_slot: '60:1' }))).toBe(true);
    expect(await insertJob(storage.db, job('f', { schedule_slot: '60:1' }))).toBe(false);
  });

  test('puts a failed run back in the queue for later and deletes old finished jobs', async ({
    jobs,
    expect,
  }) => {
    const storage = jobs.open();
    await insertJob(storage.db, job('a'));
    await claimAt(storage, T0);
    const claim = { id: 'a', lockedBy: 'w1', attempt: 1 };

    expect(await markJobForRetry(storage.db, claim, T2, 'Error: boom')).toBe(true);
    expect(await claimAt(storage, T1)).toBeUndefined();
    expect(await claimAt(storage, T2)).toMatchObject({
      id: 'a',
      attempt: 2,
      last_error: 'Error: boom',
    });

    await markJobCompleted(storage.db, { ...claim, attempt: 2 }, T2);
    await deleteFinishedJobs(storage.db, T1);
    expect(await findJob(storage.db, 'a')).toBeDefined();
    await deleteFinishedJobs(storage.db, T5);
    expect(await findJob(storage.db, 'a')).toBeUndefined();
  });
});
