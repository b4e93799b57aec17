import type { JobData } from './job-queue.ts';
import type { Registration } from './options.ts';

/** A job a worker has taken, with its lease. */
export interface ClaimedJob {
  id: string;
  name: string;
  data: unknown;
  attempt: number;
}

/** How a job is added. */
export interface InsertOptions {
  singletonKey?: string;
  startAfter?: Date;
  /** Set for scheduled jobs: at most one job of the name per period of this many seconds. */
  periodSeconds?: number;
}

/** The database side of a job queue; PollingJobQueue does the rest the same way on both. */
export interface JobStore {
  /** Readies the database before the first claim (pg-boss installs its schema and queues). */
  open(registrations: readonly Registration[]): Promise<void>;
  /** Stops background work of the store itself; the connections stay open. */
  close(): Promise<void>;
  /** Adds a job; null when a live job with the same singleton key or period exists. */
  insert(name: string, data: JobData, options: InsertOptions): Promise<string | null>;
  /** Takes the next due job of the registration's name, if any, under a lease. */
  claim(registration: Registration): Promise<ClaimedJob | undefined>;
  /**
   * Extends the lease of a job this worker holds to `leaseSeconds` from now; false when the claim
   * is lost (the lease ran out and the job was taken over, or it was cancelled).
   */
  renew(registration: Registration, job: ClaimedJob): Promise<boolean>;
  /** Cancels a job no worker holds yet; false when it has started, finished or does not exist. */
  cancel(name: string, id: string): Promise<boolean>;
  /** Records a successful run. */
  complete(registration: Registration, job: ClaimedJob): Promise<void>;
  /** Records a failed run: the job is retried if attempts are left, else marked failed. */
  fail(registration: Registration, job: ClaimedJob, error: Error): Promise<void>;
}
