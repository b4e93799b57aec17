import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { JobClaim } from '../storage/jobs.ts';
import {
  cancelQueuedJob,
  claimJob,
  deleteFinishedJobs,
  insertJob,
  markJobCompleted,
  markJobFailed,
  markJobForRetry,
  renewJobLease,
} from '../storage/jobs.ts';
import type { Database } from '../storage/schema.ts';
import type { JobData } from './job-queue.ts';
import type { ClaimedJob, InsertOptions, JobStore } from './job-store.ts';
import type { Registration } from './options.ts';
import { describeError } from './run-handler.ts';

// Finished jobs stay a week for inspection; claims delete older ones about once an hour.
const KEEP_FINISHED_MS = 7 * 24 * 3600 * 1000;
const CLEAN_UP_EVERY_MS = 3600 * 1000;

/**
 * Jobs as rows of the `jobs` table. A claim is one atomic UPDATE that sets a lease
 * (`locked_by`, `locked_until`), so processes sharing the file never hold the same job, and a job
 * whose lease ran out is claimed again. Outcomes are recorded only while the claim still holds.
 */
export function createSqliteJobStore(db: Kysely<Database>, workerId: string): JobStore {
  let cleanedUpAt = 0;
  const claimOf = (job: ClaimedJob): JobClaim => ({
    id: job.id,
    lockedBy: workerId,
    attempt: job.attempt,
  });

  return {
    open: () => Promise.resolve(),
    close: () => Promise.resolve(),

    async insert(name: string, data: JobData, options: InsertOptions) {
      const id = randomUUID();
      const now = Date.now();
      const { periodSeconds } = options;
      const inserted = await insertJob(db, {
        id,
        name,
        data: JSON.stringify(data),
        state: 'queued',
        singleton_key: options.singletonKey ?? null,
        // The period's number: a second process enqueueing in the same period hits the unique index.
        schedule_slot:
          periodSeconds === undefined
            ? null
            : `${periodSeconds}:${Math.floor(now / (periodSeconds * 1000))}`,
        attempt: 0,
        run_at: (options.startAfter ?? new Date(now)).toISOString(),
        locked_by: null,
        locked_until: null,
        last_error: null,
        created_at: new Date(now).toISOString(),
        finished_at: null,
      });
      return inserted ? id : null;
    },

    async claim(registration: Registration) {
      const now = Date.now();
      if (now - cleanedUpAt > CLEAN_UP_EVERY_MS) {
        cleanedUpAt = now;
        await deleteFinishedJobs(db, new Date(now - KEEP_FINISHED_MS).toISOString());
      }
      for (;;) {
        const row = await claimJob(db, {
          name: registration.name,
          lockedBy: workerId,
          lockedUntil: new Date(now + registration.leaseSeconds * 1000).toISOString(),
          now: new Date(now).toISOString(),
        });
        if (row === undefined) return undefined;
        const data: unknown = JSON.parse(row.data);
        const job = { id: row.id, name: row.name, data, attempt: row.attempt };
        if (row.attempt <= registration.retryLimit + 1) return job;
        // Taken over after its lease ran out, with no attempt left: its worker died on the last try.
        const error = 'The worker running the last attempt stopped before finishing it';
        await markJobFailed(db, claimOf(job), new Date().toISOString(), error);
      }
    },

    async renew(registration: Registration, job: ClaimedJob) {
      const lockedUntil = new Date(Date.now() + registration.leaseSeconds * 1000).toISOString();
      return renewJobLease(db, claimOf(job), lockedUntil);
    },

    cancel: (_name: string, id: string) => cancelQueuedJob(db, id, new Date().toISOString()),

    async complete(_registration: Registration, job: ClaimedJob) {
      await markJobCompleted(db, claimOf(job), new Date().toISOString());
    },

    async fail(registration: Registration, job: ClaimedJob, error: Error) {
      const now = Date.now();
      if (job.attempt <= registration.retryLimit) {
        const runAt = new Date(now + registration.retryDelaySeconds * 1000).toISOString();
        await markJobForRetry(db, claimOf(job), runAt, describeError(error));
      } else {
        await markJobFailed(db, claimOf(job), new Date(now).toISOString(), describeError(error));
      }
    },
  };
}
