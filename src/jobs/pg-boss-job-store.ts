import type { Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import {
  cancelPgBossJob,
  hasLivePgBossJob,
  lockSingletonKey,
  renewPgBossJob,
} from '../storage/jobs.ts';
import type { Database } from '../storage/schema.ts';
import type { JobData } from './job-queue.ts';
import type { ClaimedJob, InsertOptions, JobStore } from './job-store.ts';
import { pgBossDb, pgBossTransactionDb } from './kysely-pg-boss-db.ts';
import type { JobLogger, Registration } from './options.ts';
import { REGISTRATION_DEFAULTS } from './options.ts';

// pg-boss's tables live in their own schema, away from OwlHub's.
const SCHEMA = 'pgboss';
const MAX_CREATE_QUEUE_ATTEMPTS = 5;
// PostgreSQL's deadlock_detected error code.
const DEADLOCK_DETECTED = '40P01';

/**
 * Jobs in pg-boss. We use its storage and state machine (fetch with SKIP LOCKED, complete, fail
 * with retries, maintenance that fails a job whose lease, `expireInSeconds`, ran out so that a live
 * worker retries it; the lease is renewed here while the handler runs) but not its work() loop: that loop completes and fails jobs in promises nobody
 * awaits, so a database error at that moment would be an unhandled rejection and end the process.
 * pg-boss's cron has minute resolution, so schedules are inserted here with `singletonSeconds`.
 */
export class PgBossJobStore implements JobStore {
  readonly #db: Kysely<Database>;
  readonly #boss: PgBoss;
  readonly #queues = new Map<string, Promise<void>>();

  constructor(db: Kysely<Database>, maintenanceIntervalSeconds: number, logger: JobLogger) {
    this.#db = db;
    this.#boss = new PgBoss({
      db: pgBossDb(db),
      schema: SCHEMA,
      schedule: false,
      maintenanceIntervalSeconds,
    });
    // An 'error' event without a listener would crash the process.
    this.#boss.on('error', (error) => {
      logger.error({ err: error }, 'Job queue background work failed');
    });
  }

  async open(registrations: readonly Registration[]): Promise<void> {
    await this.#boss.start();
    for (const registration of registrations) {
      const { name } = registration;
      await this.#ensureQueue(name);
      // A queue's options apply to jobs sent from then on; the latest deployment's options win.
      await this.#boss.updateQueue(name, {
        name,
        retryLimit: registration.retryLimit,
        retryDelay: registration.retryDelaySeconds,
        expireInSeconds: registration.leaseSeconds,
      });
    }
  }

  async close(): Promise<void> {
    await this.#boss.stop({ graceful: false, close: false, wait: true });
  }

  async insert(name: string, data: JobData, options: InsertOptions): Promise<string | null> {
    await this.#ensureQueue(name);
    const sendOptions: PgBoss.SendOptions = {
      ...(options.startAfter === undefined ? {} : { startAfter: options.startAfter }),
      // pg-boss stamps the job with the period it falls in, by the database clock, and a unique
      // index admits one job per period and key, however many processes send it.
      ...(options.periodSeconds === undefined ? {} : { singletonSeconds: options.periodSeconds }),
    };
    if (options.singletonKey === undefined) return this.#boss.send(name, data, sendOptions);
    return this.#sendSingleton(name, data, options.singletonKey, sendOptions);
  }

  async claim(registration: Registration): Promise<ClaimedJob | undefined> {
    const [job] = await this.#boss.fetch<unknown>(registration.name, {
      batchSize: 1,
      includeMetadata: true,
    });
    if (job === undefined) return undefined;
    // retryCount counts the runs before this one.
    return { id: job.id, name: job.name, data: job.data, attempt: job.retryCount + 1 };
  }

  async renew(registration: Registration, job: ClaimedJob): Promise<boolean> {
    const held = { name: job.name, id: job.id, retryCount: job.attempt - 1 };
    return renewPgBossJob(this.#db, SCHEMA, held, registration.leaseSeconds);
  }

  async cancel(name: string, id: string): Promise<boolean> {
    return cancelPgBossJob(this.#db, SCHEMA, { name, id });
  }

  async complete(_registration: Registration, job: ClaimedJob): Promise<void> {
    await this.#boss.complete(job.name, job.id);
  }

  // pg-boss decides between retry and failed from the queue's retryLimit, and waits retryDelay.
  async fail(_registration: Registration, job: ClaimedJob, error: Error): Promise<void> {
    await this.#boss.fail(job.name, job.id, { message: error.message, stack: error.stack ?? '' });
  }

  /**
   * pg-boss has no queue policy for "no second job while one with the key is queued, retrying or
   * running", so the check and the insert share a transaction under an advisory lock on the key:
   * two processes enqueueing at once cannot both pass the check.
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

  // pg-boss silently drops a job for a queue that does not exist yet. A queue made by a process
  // that only enqueues gets the default options until a worker process registers it. Concurrent
  // callers in this process share one creation.
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
}

function isDeadlock(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === DEADLOCK_DETECTED;
}
