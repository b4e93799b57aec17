import type { Kysely } from 'kysely';
import type { IdempotencyKeyRow } from './actions-schema.ts';
import type { Database } from './schema.ts';

/** Whose key it is: keys are scoped per user and integration. */
export interface IdempotencyScope {
  userId: string;
  integrationId: string;
  key: string;
}

function scoped(db: Kysely<Database>, scope: IdempotencyScope) {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('user_id', '=', scope.userId)
    .where('integration_id', '=', scope.integrationId)
    .where('key', '=', scope.key);
}

/**
 * Claims a key for a request: true when this request is the first (or takes over a claim
 * abandoned before `staleBefore`); false when another request holds it. The primary key decides
 * between two concurrent claims, so exactly one wins.
 */
export async function claimIdempotencyKey(
  db: Kysely<Database>,
  scope: IdempotencyScope,
  requestHash: string,
  now: string,
  staleBefore: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      user_id: scope.userId,
      integration_id: scope.integrationId,
      key: scope.key,
      request_hash: requestHash,
      status_code: null,
      response_json: null,
      created_at: now,
      completed_at: null,
    })
    .onConflict((oc) => oc.columns(['user_id', 'integration_id', 'key']).doNothing())
    .executeTakeFirst();
  if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return true;
  const takenOver = await db
    .updateTable('idempotency_keys')
    .set({ request_hash: requestHash, created_at: now })
    .where('user_id', '=', scope.userId)
    .where('integration_id', '=', scope.integrationId)
    .where('key', '=', scope.key)
    .where('status_code', 'is', null)
    .where('created_at', '<', staleBefore)
    .executeTakeFirst();
  return takenOver.numUpdatedRows > 0n;
}

/** The key as stored, if any. */
export async function findIdempotencyKey(
  db: Kysely<Database>,
  scope: IdempotencyScope,
): Promise<IdempotencyKeyRow | undefined> {
  return scoped(db, scope).executeTakeFirst();
}

/** Stores the answer of the request that holds the key. */
export async function completeIdempotencyKey(
  db: Kysely<Database>,
  scope: IdempotencyScope,
  answer: { statusCode: number; responseJson: string; at: string },
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({
      status_code: answer.statusCode,
      response_json: answer.responseJson,
      completed_at: answer.at,
    })
    .where('user_id', '=', scope.userId)
    .where('integration_id', '=', scope.integrationId)
    .where('key', '=', scope.key)
    .execute();
}

/** Frees a key whose request ended without an answer worth replaying, so that a retry runs again. */
export async function releaseIdempotencyKey(
  db: Kysely<Database>,
  scope: IdempotencyScope,
): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('user_id', '=', scope.userId)
    .where('integration_id', '=', scope.integrationId)
    .where('key', '=', scope.key)
    .where('status_code', 'is', null)
    .execute();
}

/** Deletes a user's answered keys for an integration that were claimed before `before`. */
export async function pruneIdempotencyKeys(
  db: Kysely<Database>,
  owner: Omit<IdempotencyScope, 'key'>,
  before: string,
): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('user_id', '=', owner.userId)
    .where('integration_id', '=', owner.integrationId)
    .where('status_code', 'is not', null)
    .where('created_at', '<', before)
    .execute();
}
