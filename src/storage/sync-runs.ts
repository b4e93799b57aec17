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

/** The integration's queued or running run, if any. */
export async function findLiveSyncRun(
  db: Kysely<Database>,
  integrationId: string,
): Promise<SyncRunRow | undefined> {
  return db
    .selectFrom('sync_runs')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .where('status', 'in', ['queued', 'running'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}
