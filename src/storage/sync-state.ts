import type { Kysely, Transaction, Updateable } from 'kysely';
import type { SyncStateTable } from './mirror-schema.ts';
import type { Database } from './schema.ts';

/** The sync state of an integration as stored. */
export type SyncStateRow = SyncStateTable;

/** The sync state of an integration, if any run has stored one. */
export async function findSyncState(
  db: Kysely<Database>,
  integrationId: string,
): Promise<SyncStateRow | undefined> {
  return db
    .selectFrom('sync_state')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .executeTakeFirst();
}

/** Writes state columns, creating the row on first use; call within the transaction of the data it covers. */
export async function saveSyncState(
  trx: Transaction<Database> | Kysely<Database>,
  integrationId: string,
  changes: Omit<Updateable<SyncStateTable>, 'integration_id'> & { updated_at: string },
): Promise<void> {
  await trx
    .insertInto('sync_state')
    .values({
      integration_id: integrationId,
      cursor: null,
      checkpoint_json: null,
      last_full_at: null,
      ...changes,
    })
    .onConflict((oc) => oc.column('integration_id').doUpdateSet(changes))
    .execute();
}
