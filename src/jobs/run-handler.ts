import type { JobContext } from './job-queue.ts';
import type { Registration } from './options.ts';

/** One run of a job as the adapters hand it over, before the signal is attached. */
export type JobRun = Omit<JobContext, 'signal'>;

/**
 * Runs a handler once with `signal` (aborted when the lease ends or the queue stops). Resolves to
 * the error the handler threw, never rejects, so a failing job can never take the process down.
 */
export async function runHandler(
  registration: Registration,
  run: JobRun,
  signal: AbortSignal,
): Promise<Error | undefined> {
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
