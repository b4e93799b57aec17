// The worker side of connection-thread.ts, in plain JavaScript: a worker thread does not inherit
// the tsx loader the process runs under.
import { Buffer } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const { path, pragmas } = workerData;

function describe(error) {
  return { name: error.name, message: error.message, code: error.code };
}

function open() {
  const opened = new SQLite(path);
  for (const pragma of pragmas) opened.pragma(pragma);
  return opened;
}

let database;
try {
  database = open();
} catch (error) {
  // Said as a message: an error thrown out of a worker reaches the main thread without its text.
  parentPort.postMessage({ fatal: describe(error) });
  parentPort.close();
}

// Prepared statements by SQL text, the least recently used dropped first: Kysely compiles every
// query anew, and a sync runs the same multi-row inserts thousands of times.
const MAX_STATEMENTS = 200;
const statements = new Map();

function prepare(sql) {
  const cached = statements.get(sql);
  if (cached !== undefined) {
    statements.delete(sql);
    statements.set(sql, cached);
    return cached;
  }
  const statement = database.prepare(sql);
  statements.set(sql, statement);
  if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value);
  return statement;
}

// A Buffer posted to a thread arrives as a plain Uint8Array, which better-sqlite3 does not bind.
function bindable(value) {
  return value instanceof Uint8Array && !Buffer.isBuffer(value)
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : value;
}

parentPort.on('message', (message) => {
  if (message.close === true) {
    statements.clear();
    database.close();
    parentPort.close();
    return;
  }
  const { id, sql, parameters } = message;
  try {
    const statement = prepare(sql);
    const bound = parameters.map(bindable);
    if (statement.reader) {
      parentPort.postMessage({ id, rows: statement.all(bound) });
    } else {
      const { changes, lastInsertRowid } = statement.run(bound);
      parentPort.postMessage({ id, changes, lastInsertRowid });
    }
  } catch (error) {
    parentPort.postMessage({ id, error: describe(error) });
  }
});
