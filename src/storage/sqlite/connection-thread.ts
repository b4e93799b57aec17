import { Worker } from 'node:worker_threads';

/** What the thread answers for one statement. */
export type StatementAnswer =
  { rows: unknown[] } | { changes: number; lastInsertRowid: number | bigint };

interface SqliteFailure {
  name: string;
  message: string;
  code?: string;
}

type Reply =
  | ({ id: number } & StatementAnswer)
  | { id: number; error: SqliteFailure }
  /** The file could not be opened: every statement fails with this. */
  | { fatal: SqliteFailure };

interface Waiting {
  resolve: (answer: StatementAnswer) => void;
  reject: (error: Error) => void;
}

/**
 * One SQLite connection on a worker thread of its own. SQLite works synchronously: on the event
 * loop, a sync's inserts and commits (a third of its CPU time) kept answers from Jira waiting and
 * held each request's place in the site's budget longer; an API read waited behind them too.
 * Statements run one at a time, in the order sent.
 */
export class ConnectionThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private readonly exited: Promise<void>;
  private failure: Error | undefined;
  private nextId = 0;

  constructor(path: string, pragmas: readonly string[]) {
    this.worker = new Worker(new URL('./connection-thread.js', import.meta.url), {
      workerData: { path, pragmas },
    });
    // Referenced only while a statement is out: an idle connection never keeps the process alive.
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      if ('fatal' in reply) this.fail(sqliteError(reply.fatal));
      else this.settle(reply);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => {
        this.fail(new Error('the SQLite connection thread has stopped'));
        resolve();
      });
    });
  }

  /** Runs one statement. */
  run(sql: string, parameters: readonly unknown[]): Promise<StatementAnswer> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (this.waiting.size === 1) this.worker.ref();
      this.worker.postMessage({ id, sql, parameters });
    });
  }

  /** Closes the connection once the statements sent have run. */
  async close(): Promise<void> {
    if (this.failure === undefined) {
      this.worker.ref();
      this.worker.postMessage({ close: true });
    }
    await this.exited;
  }

  private settle(reply: Exclude<Reply, { fatal: SqliteFailure }>): void {
    const waiting = this.waiting.get(reply.id);
    if (waiting === undefined) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if ('error' in reply) {
      waiting.reject(sqliteError(reply.error));
    } else {
      waiting.resolve(reply);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(this.failure);
    this.waiting.clear();
  }
}

/** An Error as better-sqlite3 threw it in the thread: its message, name and SQLite's code. */
function sqliteError({ name, message, code }: SqliteFailure): Error {
  return Object.assign(new Error(message), { name, code });
}
