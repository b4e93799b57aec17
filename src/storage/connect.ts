import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { SqliteThreadDialect } from './sqlite/thread-dialect.ts';
import { WRITER_AUTOCHECKPOINT_PAGES, startWalCheckpointer } from './sqlite/wal-checkpointer.ts';

/** Where the data lives: an embedded SQLite file or a PostgreSQL server. */
export type StorageTarget =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'postgres'; url: string; maxConnections?: number };

/** An open database handle and the dialect it speaks. */
export interface Storage {
  db: Kysely<Database>;
  dialect: StorageTarget['dialect'];
  close(): Promise<void>;
}

/** Opens the database described by `target`; the schema is not touched (see migrateToLatest). */
export function openStorage(target: StorageTarget): Storage {
  if (target.dialect === 'postgres') {
    const db = openPostgres(target);
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const db = openSqlite(target.path);
  if (target.path === ':memory:') return { db, dialect: 'sqlite', close: () => db.destroy() };
  const checkpointer = startWalCheckpointer(target.path);
  return {
    db,
    dialect: 'sqlite',
    async close() {
      await checkpointer.stop();
      await db.destroy();
    },
  };
}

function openSqlite(path: string): Kysely<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const pragmas = [
    // Concurrent writers (another process, the checkpointer) wait rather than fail.
    'busy_timeout = 5000',
    // WAL lets readers proceed while a sync writes.
    'journal_mode = WAL',
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: a commit survives the process
    // being killed, and a power loss may drop the last few commits, but never corrupts the file.
    // Each sync checkpoint is written in the same transaction as its data, so a lost commit loses
    // its checkpoint too, and the resumed run fetches that unit again: the mirror stays exact.
    'synchronous = NORMAL',
    // Checkpoints are the checkpointer thread's job (see wal-checkpointer.ts).
    `wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT_PAGES}`,
    'foreign_keys = ON',
  ];
  return new Kysely<Database>({ dialect: new SqliteThreadDialect(path, pragmas) });
}

function openPostgres(target: { url: string; maxConnections?: number }): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: target.url, max: target.maxConnections ?? 10 });
  // An idle connection the server ends (a restart, a dropped test database) makes the pool emit
  // 'error', which with no listener crashes the process. The pool has already discarded that
  // connection and the next query opens a new one, so there is nothing more to do here.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
