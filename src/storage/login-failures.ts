import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Records one failed login for `email`. */
export async function recordLoginFailure(
  db: Kysely<Database>,
  row: { id: string; email: string; failedAt: string },
): Promise<void> {
  await db
    .insertInto('login_failures')
    .values({ id: row.id, email: row.email, failed_at: row.failedAt })
    .execute();
}

/** How many logins for `email` failed since `since`. */
export async function countLoginFailuresSince(
  db: Kysely<Database>,
  email: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('email', '=', email)
    .where('failed_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Forgets the failures of `email` (after a successful login) and any older than `before`. */
export async function clearLoginFailures(
  db: Kysely<Database>,
  email: string,
  before: string,
): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where((eb) => eb.or([eb('email', '=', email), eb('failed_at', '<', before)]))
    .execute();
}
