import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Records a one-time event inside `trx`; returns false if it had already happened. The primary key
 * makes a racing second transaction wait for the first and then fail, on both databases.
 */
export async function recordInstanceEventOnce(
  trx: Transaction<Database>,
  name: string,
  at: string,
): Promise<boolean> {
  const result = await trx
    .insertInto('instance_events')
    .values({ name, happened_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Whether a one-time event has happened. */
export async function hasInstanceEvent(db: Kysely<Database>, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('instance_events')
    .select('name')
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined;
}
