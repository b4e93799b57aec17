import type { JobContext } from './job-queue.ts';
import type { Registration } from './options.ts';

/** One run of a job as the adapters hand it over, before the signal is attached. */
export type JobRun = Omit<JobContext, 'signal'>;

/**
 * Runs a handler once. Its signal aborts when the lease runs out (the job may then be taken over
 * elsewhere) or when `stopSignal` fires. Resolves to the error the handler threw, never rejects, so
 * a failing job can never take the process down.
 */
export async function runHandler(
  registration: Registration,
  run: JobRun,
  stopSignal: AbortSignal,
): Promise<Error | undefined> {
  const leaseSignal = AbortSignal.timeout(registration.leaseSeconds * 1000);
  const signal = AbortSignal.any([stopSignal, leaseSignal]);
  try {
    await registration.handler({ ...run, signal });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** The text kept with a failed job: the stack when there is one. */
export function describeError(error: Error): string {
  return error.stack ?? error.message;
}
