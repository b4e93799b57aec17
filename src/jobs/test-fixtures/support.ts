import { it } from 'vitest';
import type { Dialect, TestDatabase } from '../../../test/support/storage.ts';
import { createTestDatabase } from '../../../test/support/storage.ts';
import type { Storage } from '../../storage/connect.ts';
import { openStorage } from '../../storage/connect.ts';
import { migrateToLatest } from '../../storage/migrate.ts';
import { createJobQueue } from '../create-job-queue.ts';
import type { JobQueue } from '../job-queue.ts';
import type { JobLogger, JobQueueOptions } from '../options.ts';

/** A logger that keeps what it is told, for assertions. */
export type TestLogger = JobLogger & { errors: string[] };

/** What each job test gets: a migrated database of its own, and helpers that clean up after it. */
export interface JobsFixture {
  database: TestDatabase;
  logger: TestLogger;
  /** Opens a storage on the test's database; closed when the test ends. */
  open(): Storage;
  /** A queue with fast test settings; stopped when the test ends. */
  queue(storage: Storage, options?: Partial<JobQueueOptions>): JobQueue;
}

/**
 * `it` with a `jobs` fixture on `dialect`. Every test has its own database, so tests can run
 * concurrently: most of their time is spent waiting for polls, leases and schedules.
 */
export function jobsTest(dialect: Dialect) {
  return it.extend<{ jobs: JobsFixture }>({
    // Vitest reads a fixture's dependencies from its first parameter, which must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    jobs: async ({}, use) => {
      const database = await createSharedDatabase(dialect);
      const logger = createTestLogger();
      const storages: Storage[] = [];
      const queues: JobQueue[] = [];
      await use({
        database,
        logger,
        open() {
          const storage = openStorage(database.target);
          storages.push(storage);
          return storage;
        },
        queue(storage, options = {}) {
          const settings = { logger, pollIntervalMs: 100, maintenanceIntervalSeconds: 1 };
          const queue = createJobQueue(storage, { ...settings, ...options });
          queues.push(queue);
          return queue;
        },
      });
      await Promise.all(queues.map((queue) => queue.stop(2000)));
      await Promise.all(storages.map((storage) => storage.close()));
      await database.drop();
    },
  });
}

// A fresh migrated database that several storages (queue instances, processes) can open.
async function createSharedDatabase(dialect: Dialect): Promise<TestDatabase> {
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

/** A logger that keeps what it is told, for assertions. */
function createTestLogger(): TestLogger {
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
