import type { Dialect, TestDatabase } from '../../../test/support/storage.ts';
import { createTestDatabase } from '../../../test/support/storage.ts';
import type { Storage } from '../../storage/connect.ts';
import { openStorage } from '../../storage/connect.ts';
import { migrateToLatest } from '../../storage/migrate.ts';
import type { JobLogger } from '../options.ts';

/** A fresh migrated database that several storages (queue instances, processes) can open. */
export async function createSharedDatabase(dialect: Dialect): Promise<TestDatabase> {
  const database = await createTestDatabase(dialect);
  const storage = openStorage(database.target);
  try {
    const outcome = await migrateToLatest(storage.db);
    if (outcome.error) throw outcome.error;
  } finally {
    await storage.close();
  }
  return database;
}

/** Opens another connection pool (or SQLite handle) on a shared database. */
export function openShared(database: TestDatabase): Storage {
  return openStorage(database.target);
}

/** A logger that keeps what it is told, for assertions. */
export function createTestLogger(): JobLogger & { errors: string[] } {
  const errors: string[] = [];
  return {
    errors,
    error(details, message) {
      errors.push(`${message} ${JSON.stringify(details, errorToJson)}`);
    },
  };
}

function errorToJson(_key: string, value: unknown): unknown {
  return value instanceof Error ? { message: value.message } : value;
}

/** Resolves once `check` is true, polling; rejects with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
