import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database, JobRow, NewJobRow } from './schema.ts';

/** Proof that a worker holds a job: a late worker whose lease ran out can no longer finish it. */
export interface JobClaim {
  id: string;
  lockedBy: string;
  attempt: number;
}

/**
 * Inserts a job unless a live job holds its singleton key or its schedule slot is taken (the
 * partial unique indexes decide, so concurrent inserts agree); returns whether it did.
 */
export async function insertJob(db: Kysely<Database>, row: NewJobRow): Promise<boolean> {
  const result = await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/**
 * Atomically takes the oldest due job of `name`: a queued one whose time has come, or an active one
 * whose lease ran out because its worker died. The state test is repeated outside the subquery so
 * that, on a database that re-checks rows after a concurrent update, two workers cannot both win.
 */
export async function claimJob(
  db: Kysely<Database>,
  claim: { name: string; lockedBy: string; lockedUntil: string; now: string },
): Promise<JobRow | undefined> {
  const { name, lockedBy, lockedUntil, now } = claim;
  return db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'active',
      attempt: eb('attempt', '+', 1),
      locked_by: lockedBy,
      locked_until: lockedUntil,
    }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('name', '=', name)
        .where((w) =>
          w.or([
            w.and([w('state', '=', 'queued'), w('run_at', '<=', now)]),
            w.and([w('state', '=', 'active'), w('locked_until', '<=', now)]),
          ]),
        )
        .orderBy('run_at')
        .orderBy('created_at')
        .limit(1),
    )
    .where((w) =>
      w.or([
        w.and([w('state', '=', 'queued'), w('run_at', '<=', now)]),
        w.and([w('state', '=', 'active'), w('locked_until', '<=', now)]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
}

/** Marks a held job completed; returns false if the claim was lost (lease expired and taken over). */
export async function markJobCompleted(
  db: Kysely<Database>,
  claim: JobClaim,
  now: string,
): Promise<boolean> {
  return finishClaim(db, claim, {
    state: 'completed',
    finished_at: now,
    locked_by: null,
    locked_until: null,
  });
}

/** Puts a held job that failed back in the queue to run again at `runAt`. */
export async function markJobForRetry(
  db: Kysely<Database>,
  claim: JobClaim,
  runAt: string,
  error: string,
): Promise<boolean> {
  return finishClaim(db, claim, {
    state: 'queued',
    run_at: runAt,
    last_error: error,
    locked_by: null,
    locked_until: null,
  });
}

/** Marks a held job failed for good, keeping the error for inspection. */
export async function markJobFailed(
  db: Kysely<Database>,
  claim: JobClaim,
  now: string,
  error: string,
): Promise<boolean> {
  return finishClaim(db, claim, {
    state: 'failed',
    finished_at: now,
    last_error: error,
    locked_by: null,
    locked_until: null,
  });
}

// Every write by the holder of a claim goes through here: it lands only while the claim holds.
async function finishClaim(
  db: Kysely<Database>,
  claim: JobClaim,
  changes: Partial<Omit<JobRow, 'id'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set(changes)
    .where('id', '=', claim.id)
    .where('state', '=', 'active')
    .where('locked_by', '=', claim.lockedBy)
    .where('attempt', '=', claim.attempt)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Extends the lease of a held job to `lockedUntil`; returns false if the claim was lost. */
export async function renewJobLease(
  db: Kysely<Database>,
  claim: JobClaim,
  lockedUntil: string,
): Promise<boolean> {
  return finishClaim(db, claim, { locked_until: lockedUntil });
}

/** Cancels a job that no worker holds yet; returns whether it did. */
export async function cancelQueuedJob(
  db: Kysely<Database>,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'cancelled', finished_at: now })
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Removes completed, failed and cancelled jobs that finished before `before`. */
export async function deleteFinishedJobs(db: Kysely<Database>, before: string): Promise<void> {
  await db
    .deleteFrom('jobs')
    .where('state', 'in', ['completed', 'failed', 'cancelled'])
    .where('finished_at', '<', before)
    .execute();
}

/** The job with this id, if it still exists. */
export async function findJob(db: Kysely<Database>, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** PostgreSQL: holds enqueues of one (name, singleton key) back until this transaction ends. */
export async function lockSingletonKey(
  trx: Transaction<Database>,
  name: string,
  key: string,
): Promise<void> {
  const lockName = JSON.stringify([name, key]);
  await sql`select pg_advisory_xact_lock(hashtextextended(${lockName}, 0))`.execute(trx);
}

/** PostgreSQL: whether pg-boss (tables in `schema`) has a queued, retrying or active job with this key. */
export async function hasLivePgBossJob(
  db: Kysely<Database>,
  schema: string,
  name: string,
  key: string,
): Promise<boolean> {
  const result = await sql<{ found: number }>`
    select 1 as found from ${sql.table(`${schema}.job`)}
    where name = ${name} and singleton_key = ${key} and state in ('created', 'retry', 'active')
    limit 1`.execute(db);
  return result.rows.length > 0;
}

/**
 * PostgreSQL: extends the lease of a pg-boss job its worker still holds (active, same attempt), so
 * that maintenance fails it `leaseSeconds` from now rather than from its start. pg-boss 10 has no
 * heartbeat of its own; it expires a job at `started_on + expire_in`.
 */
export async function renewPgBossJob(
  db: Kysely<Database>,
  schema: string,
  job: { name: string; id: string; retryCount: number },
  leaseSeconds: number,
): Promise<boolean> {
  const result = await sql`
    update ${sql.table(`${schema}.job`)}
    set expire_in = (now() - started_on) + make_interval(secs => ${leaseSeconds})
    where name = ${job.name} and id = ${job.id} and state = 'active'
      and retry_count = ${job.retryCount}`.execute(db);
  return (result.numAffectedRows ?? 0n) > 0n;
}

/** PostgreSQL: cancels a pg-boss job that no worker holds yet (created or waiting for a retry). */
export async function cancelPgBossJob(
  db: Kysely<Database>,
  schema: string,
  job: { name: string; id: string },
): Promise<boolean> {
  const result = await sql`
    update ${sql.table(`${schema}.job`)}
    set state = 'cancelled', completed_on = now()
    where name = ${job.name} and id = ${job.id} and state in ('created', 'retry')`.execute(db);
  return (result.numAffectedRows ?? 0n) > 0n;
}
