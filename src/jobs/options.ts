import type { JobHandler, RegisterOptions } from './job-queue.ts';

/** Where failures no caller awaits are reported (a failed poll, a lost lease); a pino logger fits. */
export interface JobLogger {
  error(details: object, message: string): void;
}

/** Settings of a job queue, for either database. */
export interface JobQueueOptions {
  logger: JobLogger;
  /** SQLite: names this process in job leases (default `<host>:<pid>:<random>`). */
  workerId?: string;
  /**
   * How often an idle queue looks for due jobs (default 200 ms on SQLite, 1000 ms on PostgreSQL,
   * where every process polls one shared server). An enqueue wakes this process's queue at once.
   */
  pollIntervalMs?: number;
  /**
   * PostgreSQL: how often pg-boss looks for jobs whose lease ran out (default 30 s), so a dead
   * worker's job is taken over between `leaseSeconds` and `leaseSeconds` + this after the worker
   * last renewed it (plus the retry delay).
   * SQLite needs no such pass: its claim query takes expired jobs directly.
   */
  maintenanceIntervalSeconds?: number;
}

/** A handler with every option filled in and checked. */
export interface Registration {
  name: string;
  handler: JobHandler;
  concurrency: number;
  leaseSeconds: number;
  retryLimit: number;
  retryDelaySeconds: number;
}

// pg-boss refuses expirations of a day or more; the same bound keeps both adapters alike.
const MAX_LEASE_SECONDS = 86_399;

/** The values RegisterOptions default to. */
export const REGISTRATION_DEFAULTS: Readonly<Required<RegisterOptions>> = {
  concurrency: 1,
  leaseSeconds: 900,
  retryLimit: 2,
  retryDelaySeconds: 10,
};

/** Fills in the defaults of RegisterOptions and rejects values neither adapter can honour. */
export function resolveRegistration(
  name: string,
  handler: JobHandler,
  options: RegisterOptions,
): Registration {
  const registration = {
    name,
    handler,
    concurrency: options.concurrency ?? REGISTRATION_DEFAULTS.concurrency,
    leaseSeconds: options.leaseSeconds ?? REGISTRATION_DEFAULTS.leaseSeconds,
    retryLimit: options.retryLimit ?? REGISTRATION_DEFAULTS.retryLimit,
    retryDelaySeconds: options.retryDelaySeconds ?? REGISTRATION_DEFAULTS.retryDelaySeconds,
  };
  checkInteger(name, 'concurrency', registration.concurrency, 1, 1000);
  checkInteger(name, 'leaseSeconds', registration.leaseSeconds, 1, MAX_LEASE_SECONDS);
  checkInteger(name, 'retryLimit', registration.retryLimit, 0, 1000);
  checkInteger(name, 'retryDelaySeconds', registration.retryDelaySeconds, 0, MAX_LEASE_SECONDS);
  return registration;
}

// pg-boss keeps a period's job in its live table for 12 hours (then archives it), and so refuses
// longer periods: a job archived within its period would let the period be enqueued again.
const MAX_SCHEDULE_SECONDS = 43_200;

/** Rejects a schedule period that is not a whole number of seconds from 1 s to 12 h. */
export function checkSchedulePeriod(name: string, everySeconds: number): void {
  checkInteger(name, 'everySeconds', everySeconds, 1, MAX_SCHEDULE_SECONDS);
}

function checkInteger(job: string, option: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`Job "${job}": ${option} must be an integer from ${min} to ${max}`);
  }
}
