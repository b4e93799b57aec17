import type { Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import { hasLivePgBossJob, lockSingletonKey } from '../storage/jobs.ts';
import type { Database } from '../storage/schema.ts';
import type {
  EnqueueOptions,
  JobData,
  JobHandler,
  JobQueue,
  RegisterOptions,
} from './job-queue.ts';
import { pgBossDb, pgBossTransactionDb } from './kysely-pg-boss-db.ts';
import type { JobLogger, Registration } from './options.ts';
import { REGISTRATION_DEFAULTS, checkSchedulePeriod, resolveRegistration } from './options.ts';
import { runHandler } from './run-handler.ts';
import { RunningJobs } from './running-jobs.ts';
import { SCHEDULE_KEY, startTicker } from './schedule-ticker.ts';

/** Settings of the PostgreSQL adapter, defaults filled in. */
export interface PgBossJobQueueSettings {
  pollIntervalMs: number;
  maintenanceIntervalSeconds: number;
  logger: JobLogger;
}

// pg-boss's tables live in their own schema, away from OwlHub's.
const SCHEMA = 'pgboss';
// pg-boss refuses to poll more often than every 500 ms.
const MIN_POLL_SECONDS = 0.5;
const STOP_GRACE_MS = 1000;
const MAX_CREATE_QUEUE_ATTEMPTS = 5;
// PostgreSQL's deadlock_detected error code.
const DEADLOCK_DETECTED = '40P01';

/**
 * The job queue of a PostgreSQL deployment, on pg-boss: processes sharing the database share the
 * work, a job is fetched by one worker (SKIP LOCKED), and pg-boss's maintenance fails a job whose
 * lease (`expireInSeconds`) ran out so that a retry hands it to a live worker.
 */
export class PgBossJobQueue implements JobQueue {
  readonly #db: Kysely<Database>;
  readonly #settings: PgBossJobQueueSettings;
  readonly #boss: PgBoss;
  readonly #registrations = new Map<string, Registration>();
  readonly #schedules: { name: string; everySeconds: number; data: JobData }[] = [];
  readonly #running = new RunningJobs();
  readonly #workerIds = new Map<string, string[]>();
  readonly #queues = new Map<string, Promise<void>>();
  readonly #stopTickers: (() => void)[] = [];
  #state: 'new' | 'started' | 'stopped' = 'new';

  constructor(db: Kysely<Database>, settings: PgBossJobQueueSettings) {
    this.#db = db;
    this.#settings = settings;
    this.#boss = new PgBoss({
      db: pgBossDb(db),
      schema: SCHEMA,
      // pg-boss's cron has minute resolution; schedule() runs its own ticker instead.
      schedule: false,
      maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
    });
    // An 'error' event without a listener would crash the process.
    this.#boss.on('error', (error) => {
      settings.logger.error({ err: error }, 'Job queue error');
    });
  }

  register(name: string, handler: JobHandler, options: RegisterOptions = {}): void {
    this.#assertState('new', 'register');
    this.#registrations.set(name, resolveRegistration(name, handler, options));
  }

  async enqueue(name: string, data: JobData, options: EnqueueOptions = {}): Promise<string | null> {
    this.#assertState('started', 'enqueue');
    await this.#ensureQueue(name);
    const sendOptions: PgBoss.SendOptions = options.startAfter
      ? { startAfter: options.startAfter }
      : {};
    const id =
      options.singletonKey === undefined
        ? await this.#boss.send(name, data, sendOptions)
        : await this.#sendSingleton(name, data, options.singletonKey, sendOptions);
    if (id !== null) this.#notifyWorkers(name);
    return id;
  }

  schedule(name: string, everySeconds: number, data: JobData = {}): void {
    this.#assertState('new', 'schedule');
    checkSchedulePeriod(name, everySeconds);
    this.#schedules.push({ name, everySeconds, data });
  }

  async start(): Promise<void> {
    this.#assertState('new', 'start');
    this.#state = 'started';
    await this.#boss.start();
    for (const registration of this.#registrations.values()) {
      await this.#startWorkers(registration);
    }
    for (const { name, everySeconds, data } of this.#schedules) {
      await this.#ensureQueue(name);
      // singletonSeconds makes pg-boss stamp the job with the period it falls in, by the database
      // clock, and a unique index admits one job per period: however many processes tick, the job
      // is enqueued once per period. pg-boss's sendThrottled would do the same without our
      // "skip while the last run is live" check.
      const enqueueForThisPeriod = () =>
        this.#sendSingleton(name, data, SCHEDULE_KEY, { singletonSeconds: everySeconds });
      const tick = async () => {
        if ((await enqueueForThisPeriod()) !== null) this.#notifyWorkers(name);
      };
      this.#stopTickers.push(startTicker(name, everySeconds, tick, this.#settings.logger));
    }
  }

  async stop(timeoutMs = 30_000): Promise<void> {
    if (this.#state !== 'started') return;
    this.#state = 'stopped';
    for (const stopTicker of this.#stopTickers) stopTicker();
    // pg-boss stops fetching, waits for its workers, then fails what is still active so that a
    // retry hands it to another process; meanwhile our handlers get their abort signal.
    await Promise.all([
      this.#running.drain(timeoutMs, STOP_GRACE_MS),
      this.#boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs }),
    ]);
  }

  async #startWorkers(registration: Registration): Promise<void> {
    const { name } = registration;
    const queueOptions = {
      name,
      policy: 'standard' as const,
      retryLimit: registration.retryLimit,
      retryDelay: registration.retryDelaySeconds,
      expireInSeconds: registration.leaseSeconds,
    };
    await this.#ensureQueue(name);
    // createQueue leaves an existing queue alone; the options of the latest deployment win.
    await this.#boss.updateQueue(name, queueOptions);
    const workOptions = {
      batchSize: 1,
      includeMetadata: true as const,
      pollingIntervalSeconds: Math.max(MIN_POLL_SECONDS, this.#settings.pollIntervalMs / 1000),
    };
    const ids: string[] = [];
    // pg-boss 10 runs one job at a time per work() call, so concurrency is that many calls.
    for (let i = 0; i < registration.concurrency; i += 1) {
      // The first fetch is a database round trip away, so the id is known before any job runs.
      const worker = { id: '' };
      const handle = (jobs: PgBoss.JobWithMetadata<unknown>[]) =>
        this.#run(registration, worker.id, jobs);
      worker.id = await this.#boss.work<unknown>(name, workOptions, handle);
      ids.push(worker.id);
    }
    this.#workerIds.set(name, ids);
  }

  async #run(
    registration: Registration,
    workerId: string,
    jobs: PgBoss.JobWithMetadata<unknown>[],
  ): Promise<void> {
    for (const job of jobs) {
      // retryCount counts the runs before this one.
      const run = { id: job.id, name: job.name, data: job.data, attempt: job.retryCount + 1 };
      const error = await this.#running.track(job.name, job.id, (stopSignal) =>
        runHandler(registration, run, stopSignal),
      );
      // A pg-boss worker otherwise sleeps out the rest of its polling interval after every job,
      // which caps it at about two jobs a second; a busy queue should go straight to the next.
      if (workerId !== '') this.#boss.notifyWorker(workerId);
      // Throwing is how a pg-boss worker fails a job; pg-boss catches it and schedules the retry.
      if (error !== undefined) throw error;
    }
  }

  /**
   * Sends a job unless one with the same key is queued, retrying or running. pg-boss has no queue
   * policy for exactly that, so the check and the insert share a transaction under an advisory lock
   * on the key: two processes enqueueing at once cannot both pass the check.
   */
  async #sendSingleton(
    name: string,
    data: JobData,
    key: string,
    options: PgBoss.SendOptions,
  ): Promise<string | null> {
    return this.#db.transaction().execute(async (trx) => {
      await lockSingletonKey(trx, name, key);
      if (await hasLivePgBossJob(trx, SCHEMA, name, key)) return null;
      return this.#boss.send(name, data, {
        ...options,
        singletonKey: key,
        db: pgBossTransactionDb(trx),
      });
    });
  }

  // pg-boss silently drops a job for a queue that does not exist yet. A queue made here, by a
  // process that only enqueues, gets the default options until a worker process registers it.
  // Concurrent callers in this process share one creation.
  #ensureQueue(name: string): Promise<void> {
    let created = this.#queues.get(name);
    if (created === undefined) {
      created = this.#createQueue(name);
      this.#queues.set(name, created);
      created.catch(() => this.#queues.delete(name));
    }
    return created;
  }

  // pg-boss's create_queue attaches a partition and a foreign key, so two processes creating the
  // same queue at once can deadlock; PostgreSQL then aborts one, which simply tries again.
  async #createQueue(name: string): Promise<void> {
    const options = {
      name,
      retryLimit: REGISTRATION_DEFAULTS.retryLimit,
      retryDelay: REGISTRATION_DEFAULTS.retryDelaySeconds,
      expireInSeconds: REGISTRATION_DEFAULTS.leaseSeconds,
    };
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.#boss.createQueue(name, options);
        return;
      } catch (error) {
        if (!isDeadlock(error) || attempt === MAX_CREATE_QUEUE_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 100));
      }
    }
  }

  // Wakes this process's idle workers at once rather than at their next poll.
  #notifyWorkers(name: string): void {
    for (const id of this.#workerIds.get(name) ?? []) this.#boss.notifyWorker(id);
  }

  #assertState(expected: 'new' | 'started', action: string): void {
    if (this.#state !== expected) {
      const when = expected === 'new' ? 'before start()' : 'between start() and stop()';
      throw new Error(`Job queue: call ${action}() ${when}`);
    }
  }
}

function isDeadlock(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === DEADLOCK_DETECTED;
}
