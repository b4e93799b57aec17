import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import the live schema.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * What lets sync runs be cancelled and several processes share the work of one Jira site: a run
 * knows its job (so a queued run's job can be cancelled) and whether someone asked it to stop;
 * a site's 429 pause and the processes currently sending to it are shared through two small tables.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sync_runs').addColumn('job_id', 'text').execute();
  await db.schema.alterTable('sync_runs').addColumn('cancel_requested_at', 'text').execute();
  await db.schema
    .createTable('sync_site_pauses')
    .addColumn('site', 'text', (c) => c.primaryKey())
    .addColumn('paused_until', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sync_site_shares')
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_site_shares_pk', ['site', 'holder'])
    .execute();
}

/** Drops what up() made. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sync_site_shares').execute();
  await db.schema.dropTable('sync_site_pauses').execute();
  await db.schema.alterTable('sync_runs').dropColumn('cancel_requested_at').execute();
  await db.schema.alterTable('sync_runs').dropColumn('job_id').execute();
}
