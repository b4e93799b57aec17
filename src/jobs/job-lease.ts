import type { ClaimedJob, JobStore } from './job-store.ts';
import type { JobLogger, Registration } from './options.ts';

/**
 * Why a handler's signal aborted when its lease ended: the job may already run in another worker,
 * so the handler should leave shared state (such as a status it reports) to that run.
 */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

/**
 * A worker's hold on one job while its handler runs. It lasts `leaseSeconds` from the claim and is
 * renewed every third of that, so a run keeps its job however long it takes, while the job of a
 * dead worker is taken over about one lease after its last renewal. The signal aborts when the
 * hold ends: not renewed in time (the database was unreachable) or lost (taken over, cancelled).
 */
export class JobLease {
  readonly #store: JobStore;
  readonly #registration: Registration;
  readonly #job: ClaimedJob;
  readonly #logger: JobLogger;
  readonly #controller = new AbortController();
  readonly #heartbeat: NodeJS.Timeout;
  #expiry: NodeJS.Timeout | undefined;
  #expiresAt = 0;
  #renewing = false;
  #released = false;

  /** Starts holding `job`, claimed at `claimedAt` (taken before the claim was made). */
  constructor(
    store: JobStore,
    registration: Registration,
    job: ClaimedJob,
    claimedAt: number,
    logger: JobLogger,
  ) {
    this.#store = store;
    this.#registration = registration;
    this.#job = job;
    this.#logger = logger;
    this.#extend(claimedAt);
    this.#heartbeat = setInterval(() => void this.#renew(), this.#leaseMs / 3);
    // At once too: a job taken over keeps the lease its last worker had stretched (pg-boss copies
    // it into the retry), which must shrink back before this worker can die unnoticed.
    void this.#renew();
  }

  /** Aborts when the hold ends; the handler should then wind down. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Whether the hold ended: the job may run elsewhere, so this run's outcome must not count. */
  get ended(): boolean {
    return this.#controller.signal.aborted || Date.now() >= this.#expiresAt;
  }

  /** Stops renewing; call once the handler has settled. */
  release(): void {
    this.#released = true;
    clearInterval(this.#heartbeat);
    clearTimeout(this.#expiry);
  }

  get #leaseMs(): number {
    return this.#registration.leaseSeconds * 1000;
  }

  #extend(from: number): void {
    clearTimeout(this.#expiry);
    this.#expiresAt = from + this.#leaseMs;
    this.#expiry = setTimeout(() => {
      this.#end('The job lease ran out before it could be renewed');
    }, this.#expiresAt - Date.now());
  }

  async #renew(): Promise<void> {
    if (this.#renewing) return;
    this.#renewing = true;
    // Taken before the renewal, so our idea of the lease ends no later than the database's.
    const renewedAt = Date.now();
    try {
      const held = await this.#store.renew(this.#registration, this.#job);
      // Released while the renewal was in flight: the run is over, there is nothing to hold.
      if (this.#released) return;
      if (held) this.#extend(renewedAt);
      else this.#end('The job was taken over or cancelled');
    } catch (error) {
      // The lease may still hold; if renewals keep failing, it runs out and the signal aborts.
      const details = { err: error, job: this.#job.name, id: this.#job.id };
      this.#logger.error(details, 'Could not renew a job lease');
    } finally {
      this.#renewing = false;
    }
  }

  #end(reason: string): void {
    this.release();
    this.#controller.abort(new LeaseLostError(reason));
  }
}
