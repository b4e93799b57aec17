import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findUserByApiKeyHash, insertApiKey, listApiKeysOfUser } from '../storage/api-keys.ts';
import type { ApiKeyRow, Database, UserRow } from '../storage/schema.ts';
import { hashSecretToken, newSecretToken } from './secret-tokens.ts';

/** Every key starts with this, so leaked keys are easy to recognise and to scan for. */
export const API_KEY_PREFIX = 'owl_';

/** An API key as listed: never the key itself. */
export interface PublicApiKey {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Creates a key for `userId`; the returned `key` is shown once and never stored. */
export async function createApiKey(
  db: Kysely<Database>,
  userId: string,
  name: string,
  now: Date,
): Promise<PublicApiKey & { key: string }> {
  const key = `${API_KEY_PREFIX}${newSecretToken()}`;
  const row: ApiKeyRow = {
    id: randomUUID(),
    user_id: userId,
    name,
    key_hash: hashSecretToken(key),
    key_prefix: key.slice(0, API_KEY_PREFIX.length + 6),
    created_at: now.toISOString(),
    last_used_at: null,
  };
  await insertApiKey(db, row);
  return { ...apiKeyRowToPublic(row), key };
}

/** The keys of a user as listed by the API. */
export async function listApiKeys(db: Kysely<Database>, userId: string): Promise<PublicApiKey[]> {
  return (await listApiKeysOfUser(db, userId)).map(apiKeyRowToPublic);
}

/** The owner of a presented key and which key it is, if it is a live key. */
export function resolveApiKey(
  db: Kysely<Database>,
  key: string,
  now: Date,
): Promise<{ user: UserRow; key: { id: string; name: string } } | undefined> {
  return findUserByApiKeyHash(db, hashSecretToken(key), now.toISOString());
}

function apiKeyRowToPublic(row: ApiKeyRow): PublicApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.key_prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}
