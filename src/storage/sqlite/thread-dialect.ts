import type {
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
} from 'kysely';
import { CompiledQuery, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { ConnectionThread } from './connection-thread.ts';

/** Kysely's SQLite dialect with the connection on a thread of its own (see connection-thread.ts). */
export class SqliteThreadDialect implements Dialect {
  constructor(
    private readonly path: string,
    private readonly pragmas: readonly string[],
  ) {}

  createDriver(): Driver {
    return new ThreadDriver(this.path, this.pragmas);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  // Kysely's own signature.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

/** SQLite has one connection: whoever holds it (a query, or a transaction) makes the rest wait. */
class ThreadDriver implements Driver {
  private thread: ConnectionThread | undefined;
  private connection: ThreadConnection | undefined;
  private held: Promise<void> | undefined;
  private release: (() => void) | undefined;

  constructor(
    private readonly path: string,
    private readonly pragmas: readonly string[],
  ) {}

  init(): Promise<void> {
    this.thread = new ConnectionThread(this.path, this.pragmas);
    this.connection = new ThreadConnection(this.thread);
    return Promise.resolve();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    while (this.held !== undefined) await this.held;
    this.held = new Promise((resolve) => (this.release = resolve));
    if (this.connection === undefined) throw new Error('the driver is not initialised');
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  releaseConnection(): Promise<void> {
    const release = this.release;
    this.held = undefined;
    this.release = undefined;
    release?.();
    return Promise.resolve();
  }

  async destroy(): Promise<void> {
    await this.thread?.close();
  }
}

class ThreadConnection implements DatabaseConnection {
  constructor(private readonly thread: ConnectionThread) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const answer = await this.thread.run(compiled.sql, compiled.parameters);
    if ('rows' in answer) return { rows: answer.rows as R[] };
    return {
      numAffectedRows: BigInt(answer.changes),
      insertId: BigInt(answer.lastInsertRowid),
      rows: [],
    };
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on SQLite');
  }
}
