/**
 * A JSON value: job data goes through the database as JSON, so nothing else may go in. Object
 * members may be undefined (and are then left out) so that zod-inferred optional fields fit.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/** A job's payload: a JSON object, e.g. a `z.infer` type (interfaces lack the index signature). */
export type JobData = { [key: string]: Json | undefined };

/** What a handler is given for one run of one job. */
export interface JobContext {
  id: string;
  name: string;
  /** The payload as stored; parse it with the job's zod schema before use. */
  data: unknown;
  /** 1 on the first run, 2 on the first retry, and so on. */
  attempt: number;
  /** Aborted when the lease runs out or the queue stops; a handler should then wind down. */
  signal: AbortSignal;
}

/** Does the work of one job; a thrown error fails the run (and retries it if attempts are left). */
export type JobHandler = (job: JobContext) => Promise<void>;

/** How the jobs of one name are run. */
export interface RegisterOptions {
  /** How many jobs of this name one process runs at once (default 1). */
  concurrency?: number;
  /**
   * How long a worker holds a job without renewing it before it is presumed dead and another
   * worker takes the job over (default 900, at most 86399). A live worker renews every third of it,
   * so a run may take longer; the handler's signal aborts if the lease is lost or runs out. On
   * PostgreSQL the takeover also waits for the next maintenance pass (`maintenanceIntervalSeconds`)
   * and the retry delay.
   */
  leaseSeconds?: number;
  /** How many times a failed run is retried before the job is marked failed (default 2). */
  retryLimit?: number;
  /** How long to wait before a retry (default 10). */
  retryDelaySeconds?: number;
}

/** How one job is enqueued. */
export interface EnqueueOptions {
  /**
   * While a job of this name with this key is queued, retrying or running, enqueueing another is
   * a no-op; e.g. `integration:<id>` for "one sync per integration at a time".
   */
  singletonKey?: string;
  /** The job does not start before this time. */
  startAfter?: Date;
}

/**
 * A durable background job queue. Jobs are rows in the database, so they survive a restart; a job
 * runs in one worker at a time, and a job whose worker died is taken over once its lease ends.
 *
 * Call register() and schedule() before start(), and enqueue() after start(). For example:
 *
 *     const queue = createJobQueue(storage, { logger });
 *     queue.register('sync', async ({ data, signal }) => runSync(SyncJob.parse(data), signal), {
 *       leaseSeconds: 3600,
 *     });
 *     queue.schedule('sync-due-integrations', 300);
 *     await queue.start();
 *     await queue.enqueue('sync', { integrationId }, { singletonKey: `integration:${integrationId}` });
 */
export interface JobQueue {
  /** Runs jobs of `name` with `handler` in this process. */
  register(name: string, handler: JobHandler, options?: RegisterOptions): void;
  /** Adds a job; returns its id, or null when a live job with the same singleton key exists. */
  enqueue(name: string, data: JobData, options?: EnqueueOptions): Promise<string | null>;
  /**
   * Cancels a job that no worker has started (queued, or waiting for a retry), so it never runs
   * and frees its singleton key; false when it started, finished or does not exist.
   */
  cancel(name: string, id: string): Promise<boolean>;
  /**
   * Enqueues a job of `name` every `everySeconds`: once per period however many processes share
   * the database, and skipped while the previous scheduled run is still queued or running.
   */
  schedule(name: string, everySeconds: number, data?: JobData): void;
  /** Starts taking jobs and running schedules. */
  start(): Promise<void>;
  /**
   * Stops taking jobs, waits up to `timeoutMs` (default 30 s) for running handlers, then aborts
   * the rest and hands their jobs back for a retry.
   */
  stop(timeoutMs?: number): Promise<void>;
}
