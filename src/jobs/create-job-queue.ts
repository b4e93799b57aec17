import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Storage } from '../storage/connect.ts';
import type { JobQueue } from './job-queue.ts';
import type { JobQueueOptions } from './options.ts';
import { PgBossJobStore } from './pg-boss-job-store.ts';
import { PollingJobQueue } from './polling-job-queue.ts';
import { createSqliteJobStore } from './sqlite-job-store.ts';

/**
 * The job queue for `storage`: pg-boss's tables on PostgreSQL (several processes share the work),
 * the `jobs` table on SQLite. The schema must be migrated; the queue uses the storage's
 * connections and never closes them.
 */
export function createJobQueue(storage: Storage, options: JobQueueOptions): JobQueue {
  const { logger } = options;
  if (storage.dialect === 'postgres') {
    const store = new PgBossJobStore(storage.db, options.maintenanceIntervalSeconds ?? 30, logger);
    return new PollingJobQueue(store, { pollIntervalMs: pollInterval(options, 1000), logger });
  }
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const store = createSqliteJobStore(storage.db, workerId);
  return new PollingJobQueue(store, { pollIntervalMs: pollInterval(options, 200), logger });
}

function pollInterval(options: JobQueueOptions, fallback: number): number {
  const value = options.pollIntervalMs ?? fallback;
  if (!(value > 0)) throw new RangeError('Job queue: pollIntervalMs must be positive');
  return value;
}
