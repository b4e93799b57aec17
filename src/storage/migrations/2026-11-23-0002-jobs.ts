import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import the live schema.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The SQLite job queue's table. Portable, so one migration list serves both dialects, although on
 * PostgreSQL the queue lives in pg-boss's own schema and this table stays empty.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('singleton_key', 'text')
    .addColumn('schedule_slot', 'text')
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // The claim query's scan: due jobs of one name, oldest first.
  await db.schema
    .createIndex('jobs_name_state_run_at')
    .on('jobs')
    .columns(['name', 'state', 'run_at'])
    .execute();
  // Partial unique indexes make "one live job per key" and "one job per schedule period" hold even
  // when two processes enqueue at the same moment.
  await db.schema
    .createIndex('jobs_live_singleton_unique')
    .on('jobs')
    .columns(['name', 'singleton_key'])
    .unique()
    .where(sql.ref('singleton_key'), 'is not', null)
    .where(sql.ref('state'), 'in', [sql.lit('queued'), sql.lit('active')])
    .execute();
  await db.schema
    .createIndex('jobs_schedule_slot_unique')
    .on('jobs')
    .columns(['name', 'schedule_slot'])
    .unique()
    .where(sql.ref('schedule_slot'), 'is not', null)
    .execute();
}

/** Drops what up() made. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
