import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Storage } from '../storage/connect.ts';
import type { JobQueue } from './job-queue.ts';
import type { JobQueueOptions } from './options.ts';
import { PgBossJobQueue } from './pg-boss-job-queue.ts';
import { SqliteJobQueue } from './sqlite-job-queue.ts';

/**
 * The job queue for `storage`: pg-boss on PostgreSQL (several processes share the work), the
 * `jobs` table polled in-process on SQLite. The schema must be migrated; the queue uses the
 * storage's connections and never closes them.
 */
export function createJobQueue(storage: Storage, options: JobQueueOptions): JobQueue {
  const pollIntervalMs = options.pollIntervalMs ?? 200;
  if (!(pollIntervalMs > 0)) throw new RangeError('Job queue: pollIntervalMs must be positive');
  const { logger } = options;
  if (storage.dialect === 'postgres') {
    const maintenanceIntervalSeconds = options.maintenanceIntervalSeconds ?? 30;
    return new PgBossJobQueue(storage.db, { pollIntervalMs, maintenanceIntervalSeconds, logger });
  }
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return new SqliteJobQueue(storage.db, { workerId, pollIntervalMs, logger });
}
