import type { Kysely, Updateable } from 'kysely';
import type { SyncRunRow, SyncRunsTable } from './mirror-schema.ts';
import type { Database } from './schema.ts';

/** Stores a new run. */
export async function insertSyncRun(db: Kysely<Database>, row: SyncRunRow): Promise<void> {
  await db.insertInto('sync_runs').values(row).execute();
}

/** Applies `changes` to a run. */
export async function updateSyncRun(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<SyncRunsTable>,
): Promise<void> {
  await db.updateTable('sync_runs').set(changes).where('id', '=', id).execute();
}

/** Deletes a run that never started (its job was not queued). */
export async function deleteSyncRun(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sync_runs').where('id', '=', id).execute();
}

/** A run by id. */
export async function findSyncRun(
  db: Kysely<Database>,
  id: string,
): Promise<SyncRunRow | undefined> {
  return db.selectFrom('sync_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The runs of an integration, newest first. */
export async function listSyncRuns(
  db: Kysely<Database>,
  integrationId: string,
  limit: number,
): Promise<SyncRunRow[]> {
  return db
    .selectFrom('sync_runs')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The integration's queued or running run, if any. A run whose job is not recorded yet does not
 * count: it is being requested right now, and may lose to a concurrent request and be deleted.
 */
export async function findLiveSyncRun(
  db: Kysely<Database>,
  integrationId: string,
): Promise<SyncRunRow | undefined> {
  return db
    .selectFrom('sync_runs')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .where('status', 'in', ['queued', 'running'])
    .where('job_id', 'is not', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Remembers which job runs a run, so that cancelling the queued run can cancel the job. */
export async function setSyncRunJob(
  db: Kysely<Database>,
  id: string,
  jobId: string,
): Promise<void> {
  await db.updateTable('sync_runs').set({ job_id: jobId }).where('id', '=', id).execute();
}

/**
 * Marks a run running, unless it was cancelled or has finished meanwhile (a cancel and a worker
 * starting the run race; whichever writes first wins). Returns whether it did.
 */
export async function markSyncRunRunning(
  db: Kysely<Database>,
  id: string,
  startedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('sync_runs')
    .set((eb) => ({
      status: 'running',
      started_at: eb.fn.coalesce('started_at', eb.val(startedAt)),
    }))
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Ends a run that has not started as cancelled; returns false if it is not queued (any more). */
export async function cancelQueuedSyncRun(
  db: Kysely<Database>,
  id: string,
  at: string,
  errorJson: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('sync_runs')
    .set({
      status: 'cancelled',
      phase: 'finished',
      cancel_requested_at: at,
      finished_at: at,
      error_json: errorJson,
    })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Asks a running run to stop (its worker polls for it); returns false if it is not running. */
export async function requestSyncRunCancel(
  db: Kysely<Database>,
  id: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('sync_runs')
    .set((eb) => ({ cancel_requested_at: eb.fn.coalesce('cancel_requested_at', eb.val(at)) }))
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Whether someone asked the run to stop; a run that no longer exists counts as asked. */
export async function isSyncRunCancelRequested(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('sync_runs')
    .select('cancel_requested_at')
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined || row.cancel_requested_at !== null;
}

/** The integration's queued and running runs. */
export async function listLiveSyncRuns(
  db: Kysely<Database>,
  integrationId: string,
): Promise<SyncRunRow[]> {
  return db
    .selectFrom('sync_runs')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}
