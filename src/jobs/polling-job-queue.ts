import type {
  EnqueueOptions,
  JobData,
  JobHandler,
  JobQueue,
  RegisterOptions,
} from './job-queue.ts';
import type { ClaimedJob, JobStore } from './job-store.ts';
import type { JobLogger, Registration } from './options.ts';
import { checkSchedulePeriod, resolveRegistration } from './options.ts';
import { JobLease } from './job-lease.ts';
import { runHandler } from './run-handler.ts';
import { RunningJobs } from './running-jobs.ts';
import { SCHEDULE_KEY, startTicker } from './schedule-ticker.ts';

/** Settings of a polling queue, defaults filled in. */
export interface PollingJobQueueSettings {
  pollIntervalMs: number;
  logger: JobLogger;
}

// How long handlers aborted by a stop() that timed out get to wind down.
const STOP_GRACE_MS = 1000;

/**
 * The JobQueue of both adapters: polls its store for due jobs of each registered name (and at
 * once after an enqueue or a finished run in this process), runs up to `concurrency` of them, and
 * records each outcome. The store decides what a claim, a lease and a retry mean in its database.
 */
export class PollingJobQueue implements JobQueue {
  readonly #store: JobStore;
  readonly #settings: PollingJobQueueSettings;
  readonly #registrations = new Map<string, Registration>();
  readonly #schedules: { name: string; everySeconds: number; data: JobData }[] = [];
  readonly #running = new RunningJobs();
  readonly #stopTickers: (() => Promise<void>)[] = [];
  #state: 'new' | 'starting' | 'started' | 'stopped' = 'new';
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #wakePending = false;

  constructor(store: JobStore, settings: PollingJobQueueSettings) {
    this.#store = store;
    this.#settings = settings;
  }

  register(name: string, handler: JobHandler, options: RegisterOptions = {}): void {
    this.#assertState('new', 'register');
    this.#registrations.set(name, resolveRegistration(name, handler, options));
  }

  async enqueue(name: string, data: JobData, options: EnqueueOptions = {}): Promise<string | null> {
    this.#assertState('started', 'enqueue');
    const id = await this.#store.insert(name, data, options);
    if (id !== null) this.#wakeUp();
    return id;
  }

  async cancel(name: string, id: string): Promise<boolean> {
    this.#assertState('started', 'cancel');
    return this.#store.cancel(name, id);
  }

  schedule(name: string, everySeconds: number, data: JobData = {}): void {
    this.#assertState('new', 'schedule');
    checkSchedulePeriod(name, everySeconds);
    this.#schedules.push({ name, everySeconds, data });
  }

  async start(): Promise<void> {
    this.#assertState('new', 'start');
    this.#state = 'starting';
    try {
      await this.#store.open([...this.#registrations.values()]);
    } catch (error) {
      // Nothing runs yet, so start() may simply be called again.
      this.#state = 'new';
      throw error;
    }
    this.#state = 'started';
    for (const { name, everySeconds, data } of this.#schedules) {
      // The singleton key skips a period while the last scheduled run is still queued or running.
      const options = { singletonKey: SCHEDULE_KEY, periodSeconds: everySeconds };
      const tick = async () => {
        if ((await this.#store.insert(name, data, options)) !== null) this.#wakeUp();
      };
      this.#stopTickers.push(startTicker(name, everySeconds, tick, this.#logger));
    }
    this.#loop = this.#pollLoop();
  }

  async stop(timeoutMs = 30_000): Promise<void> {
    if (this.#state !== 'started') return;
    this.#state = 'stopped';
    await Promise.all(this.#stopTickers.map((stopTicker) => stopTicker()));
    this.#wakeUp();
    await this.#loop;
    // Handlers still running at the timeout are aborted, fail like any run and are retried. One
    // that ignores its signal keeps its lease, and the job is taken over when the lease ends.
    const stragglers = await this.#running.drain(timeoutMs, STOP_GRACE_MS);
    if (stragglers.length > 0) {
      this.#logger.error(
        { ids: stragglers },
        'Jobs ignored the stop signal; they resume after their lease',
      );
    }
    await this.#store.close();
  }

  get #logger(): JobLogger {
    return this.#settings.logger;
  }

  async #pollLoop(): Promise<void> {
    while (this.#state === 'started') {
      try {
        await this.#claimDueJobs();
      } catch (error) {
        // A busy or briefly unreachable database must not end the loop; the next poll tries again.
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
        // Taken before the claim, so our idea of the lease ends no later than the database's.
        const claimedAt = Date.now();
        const job = await this.#store.claim(registration);
        if (job === undefined) break;
        void this.#running.track(job.name, job.id, (stopSignal) =>
          this.#run(registration, job, claimedAt, stopSignal),
        );
      }
    }
  }

  async #run(
    registration: Registration,
    job: ClaimedJob,
    claimedAt: number,
    stopSignal: AbortSignal,
  ): Promise<void> {
    const lease = new JobLease(this.#store, registration, job, claimedAt, this.#logger);
    const error = await runHandler(registration, job, AbortSignal.any([stopSignal, lease.signal]));
    lease.release();
    try {
      if (lease.ended) {
        // Past its lease (or once taken over or cancelled) the job may run elsewhere; recording an
        // outcome could overwrite that run's, so this one is dropped.
        const details = { job: job.name, id: job.id, attempt: job.attempt };
        this.#logger.error(details, 'A job outlived its lease; its outcome is dropped');
      } else if (error === undefined) {
        await this.#store.complete(registration, job);
      } else {
        await this.#store.fail(registration, job, error);
      }
    } catch (recordError) {
      this.#logger.error(
        { err: recordError, job: job.name, id: job.id },
        'Could not record a job outcome',
      );
    }
    this.#wakeUp();
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
      const done = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.#settings.pollIntervalMs);
      this.#wake = done;
    });
  }

  #assertState(expected: 'new' | 'started', action: string): void {
    if (this.#state !== expected) {
      const when = expected === 'new' ? 'before start()' : 'between start() and stop()';
      throw new Error(`Job queue: call ${action}() ${when}`);
    }
  }
}
