import { Worker } from 'node:worker_threads';

/**
 * How many WAL pages the writing connection lets pile up before it checkpoints by itself: a
 * backstop for when the checkpointer falls behind. SQLite's default is 1,000 pages.
 */
export const WRITER_AUTOCHECKPOINT_PAGES = 16_000;

/** A thread that checkpoints one SQLite file's WAL until stopped. */
export interface WalCheckpointer {
  stop(): Promise<void>;
}

/**
 * Copies committed WAL pages into the database file from a worker thread with its own connection.
 * SQLite otherwise checkpoints inside the commit that crosses the threshold, on the thread that
 * writes: during a full sync that is a third of the write time (a second copy of every page, and
 * an fsync), all of it on the event loop. A PASSIVE checkpoint never blocks the writer.
 */
export function startWalCheckpointer(path: string): WalCheckpointer {
  const worker = new Worker(new URL('./wal-checkpoint-worker.js', import.meta.url), {
    workerData: { path, idleMs: 250, busyMs: 20 },
  });
  // Never what keeps a process alive; an error (the file gone) leaves checkpoints to the writer.
  worker.unref();
  worker.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      // Held until it has closed its connection, so that the process waits for it.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
