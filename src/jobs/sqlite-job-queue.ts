import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { JobClaim } from '../storage/jobs.ts';
import {
  claimJob,
  deleteFinishedJobs,
  insertJob,
  markJobCompleted,
  markJobFailed,
  markJobForRetry,
} from '../storage/jobs.ts';
import type { Database, JobRow } from '../storage/schema.ts';
import type {
  EnqueueOptions,
  JobData,
  JobHandler,
  JobQueue,
  RegisterOptions,
} from './job-queue.ts';
import type { JobLogger, Registration } from './options.ts';
import { checkSchedulePeriod, resolveRegistration } from './options.ts';
import { describeError, runHandler } from './run-handler.ts';
import { RunningJobs } from './running-jobs.ts';
import { SCHEDULE_KEY, startTicker } from './schedule-ticker.ts';

/** Settings of the SQLite adapter, defaults filled in. */
export interface SqliteJobQueueSettings {
  workerId: string;
  pollIntervalMs: number;
  logger: JobLogger;
}

// Finished jobs stay a week for inspection, then the poller deletes them about once an hour.
const KEEP_FINISHED_MS = 7 * 24 * 3600 * 1000;
const CLEAN_UP_EVERY_MS = 3600 * 1000;
// How long aborted handlers get to wind down when stop() times out.
const STOP_GRACE_MS = 1000;

/**
 * The job queue of an embedded SQLite database: jobs are rows of `jobs`, polled by this process
 * and claimed with an atomic UPDATE that sets a lease, so a restart resumes them and a second
 * process on the same file never runs a job that is already leased.
 */
export class SqliteJobQueue implements JobQueue {
  readonly #db: Kysely<Database>;
  readonly #settings: SqliteJobQueueSettings;
  readonly #registrations = new Map<string, Registration>();
  readonly #schedules: { name: string; everySeconds: number; data: JobData }[] = [];
  readonly #running = new RunningJobs();
  readonly #stopTickers: (() => void)[] = [];
  #state: 'new' | 'started' | 'stopped' = 'new';
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #wakePending = false;
  #cleanedUpAt = 0;

  constructor(db: Kysely<Database>, settings: SqliteJobQueueSettings) {
    this.#db = db;
    this.#settings = settings;
  }

  register(name: string, handler: JobHandler, options: RegisterOptions = {}): void {
    this.#assertState('new', 'register');
    this.#registrations.set(name, resolveRegistration(name, handler, options));
  }

  async enqueue(name: string, data: JobData, options: EnqueueOptions = {}): Promise<string | null> {
    this.#assertState('started', 'enqueue');
    return this.#insert(name, data, {
      singletonKey: options.singletonKey ?? null,
      runAt: options.startAfter ?? new Date(),
      scheduleSlot: null,
    });
  }

  schedule(name: string, everySeconds: number, data: JobData = {}): void {
    this.#assertState('new', 'schedule');
    checkSchedulePeriod(name, everySeconds);
    this.#schedules.push({ name, everySeconds, data });
  }

  start(): Promise<void> {
    this.#assertState('new', 'start');
    this.#state = 'started';
    for (const { name, everySeconds, data } of this.#schedules) {
      const enqueueForThisPeriod = () => {
        // The period number is the slot: a second process ticking in the same period conflicts.
        const slot = `${everySeconds}:${Math.floor(Date.now() / (everySeconds * 1000))}`;
        const options = { singletonKey: SCHEDULE_KEY, runAt: new Date(), scheduleSlot: slot };
        return this.#insert(name, data, options);
      };
      this.#stopTickers.push(startTicker(name, everySeconds, enqueueForThisPeriod, this.#logger));
    }
    this.#loop = this.#pollLoop();
    return Promise.resolve();
  }

  async stop(timeoutMs = 30_000): Promise<void> {
    if (this.#state !== 'started') return;
    this.#state = 'stopped';
    for (const stopTicker of this.#stopTickers) stopTicker();
    this.#wakeUp();
    await this.#loop;
    // Handlers still running at the timeout are aborted and then settle like any failed run: the job
    // is retried. One that ignores its signal keeps the lease, and the job is taken over when it ends.
    const stragglers = await this.#running.drain(timeoutMs, STOP_GRACE_MS);
    if (stragglers.length > 0) {
      this.#logger.error(
        { ids: stragglers },
        'Jobs ignored the stop signal; they resume after their lease',
      );
    }
  }

  get #logger(): JobLogger {
    return this.#settings.logger;
  }

  async #insert(
    name: string,
    data: JobData,
    job: { singletonKey: string | null; runAt: Date; scheduleSlot: string | null },
  ): Promise<string | null> {
    const id = randomUUID();
    const inserted = await insertJob(this.#db, {
      id,
      name,
      data: JSON.stringify(data),
      state: 'queued',
      singleton_key: job.singletonKey,
      schedule_slot: job.scheduleSlot,
      attempt: 0,
      run_at: job.runAt.toISOString(),
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: new Date().toISOString(),
      finished_at: null,
    });
    if (!inserted) return null;
    this.#wakeUp();
    return id;
  }

  async #pollLoop(): Promise<void> {
    while (this.#state === 'started') {
      try {
        await this.#claimDueJobs();
        await this.#cleanUp();
      } catch (error) {
        // A busy or briefly unavailable database must not end the loop; the next poll tries again.
        this.#logger.error({ err: error }, 'Job queue poll failed');
      }
      await this.#sleep();
    }
  }

  async #claimDueJobs(): Promise<void> {
    for (const registration of this.#registrations.values()) {
      while (
        this.#state === 'started' &&
        this.#running.count(registration.name) < registration.concurrency
      ) {
        const now = Date.now();
        const row = await claimJob(this.#db, {
          name: registration.name,
          lockedBy: this.#settings.workerId,
          lockedUntil: new Date(now + registration.leaseSeconds * 1000).toISOString(),
          now: new Date(now).toISOString(),
        });
        if (row === undefined) break;
        await this.#startRun(registration, row);
      }
    }
  }

  async #startRun(registration: Registration, row: JobRow): Promise<void> {
    const claim: JobClaim = { id: row.id, lockedBy: this.#settings.workerId, attempt: row.attempt };
    if (row.attempt > registration.retryLimit + 1) {
      // Taken over after a lease ran out, with no attempt left: the worker died on its last try.
      const error = 'The worker running the last attempt stopped before finishing it';
      await markJobFailed(this.#db, claim, new Date().toISOString(), error);
      return;
    }
    const data: unknown = JSON.parse(row.data);
    const run = { id: row.id, name: row.name, data, attempt: row.attempt };
    void this.#running.track(row.name, row.id, async (stopSignal) => {
      const error = await runHandler(registration, run, stopSignal);
      try {
        await this.#settle(registration, claim, error);
      } catch (settleError) {
        this.#logger.error(
          { err: settleError, job: row.name, id: row.id },
          'Could not record a job outcome',
        );
      }
      this.#wakeUp();
    });
  }

  async #settle(registration: Registration, claim: JobClaim, error: Error | undefined) {
    const now = new Date();
    let recorded: boolean;
    if (error === undefined) {
      recorded = await markJobCompleted(this.#db, claim, now.toISOString());
    } else if (claim.attempt <= registration.retryLimit) {
      const runAt = new Date(now.getTime() + registration.retryDelaySeconds * 1000);
      recorded = await markJobForRetry(this.#db, claim, runAt.toISOString(), describeError(error));
    } else {
      recorded = await markJobFailed(this.#db, claim, now.toISOString(), describeError(error));
    }
    if (!recorded) {
      const details = { job: registration.name, id: claim.id, attempt: claim.attempt };
      this.#logger.error(
        details,
        'A job outlived its lease and was taken over; its outcome is dropped',
      );
    }
  }

  async #cleanUp(): Promise<void> {
    const now = Date.now();
    if (now - this.#cleanedUpAt < CLEAN_UP_EVERY_MS) return;
    this.#cleanedUpAt = now;
    await deleteFinishedJobs(this.#db, new Date(now - KEEP_FINISHED_MS).toISOString());
  }

  // A wake-up that arrives while the loop is busy claiming is remembered, so the next sleep is skipped.
  #wakeUp(): void {
    if (this.#wake === undefined) this.#wakePending = true;
    else this.#wake();
  }

  #sleep(): Promise<void> {
    if (this.#wakePending) {
      this.#wakePending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = undefined;
        resolve();
      }, this.#settings.pollIntervalMs);
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
    });
  }

  #assertState(expected: 'new' | 'started', action: string): void {
    if (this.#state !== expected) {
      const when = expected === 'new' ? 'before start()' : 'between start() and stop()';
      throw new Error(`Job queue: call ${action}() ${when}`);
    }
  }
}
