import type { Database as SqliteFile } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared; a sync uses a few dozen (one per multi-row chunk size). */
const MAX_STATEMENTS = 200;

/**
 * The database as Kysely's SQLite dialect sees it, with prepared statements reused by SQL text:
 * Kysely prepares every query anew, and a sync runs the same multi-row inserts thousands of times.
 * Kysely runs one query at a time on its one connection and reads each to the end, so a statement
 * is never in use twice at once.
 */
export function withStatementCache(database: SqliteFile): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached !== undefined) {
        // Most recently used last, so that the first entry is the one to evict.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > MAX_STATEMENTS) {
        const oldest = statements.keys().next();
        if (oldest.done !== true) statements.delete(oldest.value);
      }
      return statement;
    },
  };
}
