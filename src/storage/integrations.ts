import type { Kysely } from 'kysely';
import type { Database, IntegrationRow, IntegrationRowUpdate } from './schema.ts';

/** Stores a new integration. */
export async function insertIntegration(db: Kysely<Database>, row: IntegrationRow): Promise<void> {
  await db.insertInto('integrations').values(row).execute();
}

/** The integration with this id, if any. */
export async function findIntegration(
  db: Kysely<Database>,
  id: string,
): Promise<IntegrationRow | undefined> {
  return db.selectFrom('integrations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every integration, oldest first. */
export async function listIntegrations(db: Kysely<Database>): Promise<IntegrationRow[]> {
  return db.selectFrom('integrations').selectAll().orderBy('created_at').orderBy('id').execute();
}

/** Applies `changes`; returns whether the integration existed. */
export async function updateIntegration(
  db: Kysely<Database>,
  id: string,
  changes: IntegrationRowUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable('integrations')
    .set(changes)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Applies `changes` only if the site and credentials are still those of `settingsVersion`; a
 * verification that started before an edit must not overwrite the edit's own verification.
 */
export async function updateIntegrationIfVersion(
  db: Kysely<Database>,
  id: string,
  settingsVersion: number,
  changes: IntegrationRowUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable('integrations')
    .set(changes)
    .where('id', '=', id)
    .where('settings_version', '=', settingsVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes an integration; returns whether it existed. */
export async function deleteIntegration(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('integrations').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Integrations whose re-check is due (only those given a next_check_at are ever re-checked). */
export async function listIntegrationsDueForCheck(
  db: Kysely<Database>,
  now: string,
): Promise<IntegrationRow[]> {
  return db
    .selectFrom('integrations')
    .selectAll()
    .where('next_check_at', '<=', now)
    .orderBy('next_check_at')
    .execute();
}

/** Every stored credential envelope, for key rotation. */
export async function listIntegrationSecrets(
  db: Kysely<Database>,
): Promise<{ id: string; secret_ciphertext: string }[]> {
  const rows = await db
    .selectFrom('integrations')
    .select(['id', 'secret_ciphertext'])
    .where('secret_ciphertext', 'is not', null)
    .execute();
  return rows.flatMap((r) =>
    r.secret_ciphertext === null ? [] : [{ id: r.id, secret_ciphertext: r.secret_ciphertext }],
  );
}

/** Replaces a secret only if it is still `previous`, so a token changed meanwhile is not overwritten. */
export async function replaceIntegrationSecret(
  db: Kysely<Database>,
  id: string,
  previous: string,
  next: string,
): Promise<boolean> {
  const result = await db
    .updateTable('integrations')
    .set({ secret_ciphertext: next })
    .where('id', '=', id)
    .where('secret_ciphertext', '=', previous)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
