import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { isSyncRunCancelRequested } from '../storage/sync-runs.ts';
import type { Database } from '../storage/schema.ts';

/** A run's watch for a cancel request: its signal aborts once one is seen. */
export interface CancelWatch {
  signal: AbortSignal;
  stop(): void;
}

/**
 * Polls the run's row every `everyMs`, starting now, and aborts the signal once someone asked the
 * run to stop. The request may come from any process, so the row is the channel.
 */
export function watchForCancel(
  db: Kysely<Database>,
  runId: string,
  everyMs: number,
  logger: Logger,
): CancelWatch {
  const controller = new AbortController();
  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      if (await isSyncRunCancelRequested(db, runId)) {
        clearInterval(timer);
        controller.abort(new Error('The run was cancelled'));
      }
    } catch (error) {
      // A missed poll only delays the stop to the next one.
      logger.warn({ err: error, runId }, 'could not check the run for a cancel request');
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), everyMs);
  void check();
  return { signal: controller.signal, stop: () => clearInterval(timer) };
}
