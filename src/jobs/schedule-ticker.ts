import type { JobLogger } from './options.ts';

/** The singleton key of scheduled jobs, so a period is skipped while the last run is still live. */
export const SCHEDULE_KEY = 'owlhub:schedule';

/**
 * Calls `tick` now and then every half period, so every period of `everySeconds` sees at least one
 * tick even when timers drift; the adapters make the extra ticks of a period no-ops. Returns a
 * function that stops the ticker and waits for a tick in flight, so none outlives the queue.
 */
export function startTicker(
  name: string,
  everySeconds: number,
  tick: () => Promise<unknown>,
  logger: JobLogger,
): () => Promise<void> {
  let inFlight: Promise<void> = Promise.resolve();
  const fire = () => {
    inFlight = tick().then(
      () => undefined,
      (error: unknown) => {
        logger.error({ err: error, job: name }, 'Could not enqueue a scheduled job');
      },
    );
  };
  fire();
  const timer = setInterval(fire, (everySeconds * 1000) / 2);
  return () => {
    clearInterval(timer);
    return inFlight;
  };
}
