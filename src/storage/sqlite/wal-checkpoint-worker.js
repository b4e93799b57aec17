// The worker side of wal-checkpointer.ts, in plain JavaScript: a worker thread does not inherit
// the tsx loader the process runs under.
import { clearTimeout, setTimeout } from 'node:timers';
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const { path, idleMs, busyMs } = workerData;
const database = new SQLite(path);
database.pragma('synchronous = NORMAL');

let timer;
const checkpoint = () => {
  let copied = 0;
  try {
    // A read first: a connection opened before the file turned to WAL mode only notices at its
    // next read, and until then answers every checkpoint with -1 (not in WAL mode).
    database.pragma('schema_version');
    const [result] = database.pragma('wal_checkpoint(PASSIVE)');
    copied = result?.checkpointed ?? 0;
  } catch {
    // A checkpoint that cannot run now (the file busy or locked) is tried again at the next tick.
  }
  // While a writer keeps appending, come back soon; an idle database is looked at rarely.
  timer = setTimeout(checkpoint, copied > 0 ? busyMs : idleMs);
};
timer = setTimeout(checkpoint, idleMs);

parentPort.on('message', () => {
  clearTimeout(timer);
  database.close();
  parentPort.close();
});
