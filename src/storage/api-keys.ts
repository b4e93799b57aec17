import type { Kysely } from 'kysely';
import type { ApiKeyRow, Database, UserRow } from './schema.ts';

/** Stores a new API key (its hash only). */
export async function insertApiKey(db: Kysely<Database>, row: ApiKeyRow): Promise<void> {
  await db.insertInto('api_keys').values(row).execute();
}

/** The keys a user owns, newest first. */
export async function listApiKeysOfUser(
  db: Kysely<Database>,
  userId: string,
): Promise<ApiKeyRow[]> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** The key with this id, if any. */
export async function findApiKeyById(
  db: Kysely<Database>,
  id: string,
): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The owner of the key with this hash, if the key exists; marks the key as used. */
export async function findUserByApiKeyHash(
  db: Kysely<Database>,
  keyHash: string,
  now: string,
): Promise<{ user: UserRow; key: { id: string; name: string } } | undefined> {
  const found = await db
    .selectFrom('api_keys')
    .innerJoin('users', 'users.id', 'api_keys.user_id')
    .selectAll('users')
    .select(['api_keys.id as key_id', 'api_keys.name as key_name'])
    .where('api_keys.key_hash', '=', keyHash)
    .executeTakeFirst();
  if (found === undefined) return undefined;
  await db
    .updateTable('api_keys')
    .set({ last_used_at: now })
    .where('key_hash', '=', keyHash)
    .execute();
  const { key_id, key_name, ...user } = found;
  return { user, key: { id: key_id, name: key_name } };
}

/** Deletes a key; returns whether it existed. */
export async function deleteApiKey(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('api_keys').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
