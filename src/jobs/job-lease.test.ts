import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobLease, LeaseLostError } from './job-lease.ts';
import type { ClaimedJob, JobStore } from './job-store.ts';
import type { Registration } from './options.ts';

const LEASE_SECONDS = 30;
const registration: Registration = {
  name: 'sync',
  handler: () => Promise.resolve(),
  concurrency: 1,
  leaseSeconds: LEASE_SECONDS,
  retryLimit: 0,
  retryDelaySeconds: 1,
};
const job: ClaimedJob = { id: 'j1', name: 'sync', data: {}, attempt: 2 };

function storeRenewing(renew: () => Promise<boolean>) {
  const calls = { renew: 0 };
  const store = {
    renew: () => {
      calls.renew++;
      return renew();
    },
  } as unknown as JobStore;
  return { store, calls };
}

describe('JobLease', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const logger = { error: vi.fn() };

  it('renews at once on claim (a taken-over job keeps the lease its dead worker stretched), then every third of the lease', async () => {
    const { store, calls } = storeRenewing(() => Promise.resolve(true));
    const lease = new JobLease(store, registration, job, Date.now(), logger);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.renew).toBe(1);
    await vi.advanceTimersByTimeAsync((LEASE_SECONDS * 1000) / 3);
    expect(calls.renew).toBe(2);
    // Renewed in time, the hold outlasts the first lease.
    await vi.advanceTimersByTimeAsync(LEASE_SECONDS * 1000);
    expect(lease.signal.aborted).toBe(false);
    lease.release();
  });

  it('ends with LeaseLostError when the claim is lost', async () => {
    const { store } = storeRenewing(() => Promise.resolve(false));
    const lease = new JobLease(store, registration, job, Date.now(), logger);
    await vi.advanceTimersByTimeAsync(0);
    expect(lease.signal.aborted).toBe(true);
    expect(lease.signal.reason).toBeInstanceOf(LeaseLostError);
    expect(lease.ended).toBe(true);
  });

  it('runs out one lease after the claim when every renewal fails, and logs each failure', async () => {
    const { store } = storeRenewing(() => Promise.reject(new Error('database unreachable')));
    const lease = new JobLease(store, registration, job, Date.now(), logger);
    await vi.advanceTimersByTimeAsync(LEASE_SECONDS * 1000 - 1);
    expect(lease.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(lease.signal.aborted).toBe(true);
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'j1' }),
      'Could not renew a job lease',
    );
  });
});
