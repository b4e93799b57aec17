import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import the live schema.
/* eslint-disable @typescript-eslint/no-explicit-any */

/** Idempotency keys of writes to Jira, and the audit log. */
export async function up(db: Kysely<any>): Promise<void> {
  // One row per key a user sent to an integration: the first request claims it (the primary key
  // makes a concurrent second claim fail), and its answer is kept to replay on a retry.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('integration_id', 'text', (c) =>
      c.notNull().references('integrations.id').onDelete('cascade'),
    )
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'integration_id', 'key'])
    .execute();
  // No foreign keys: an entry outlives the user, integration or rule it names.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text')
    .addColumn('integration_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('summary_json', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
  await db.schema
    .createIndex('audit_log_integration_at')
    .on('audit_log')
    .columns(['integration_id', 'at', 'id'])
    .execute();
}

/** Drops what up() made. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('idempotency_keys').execute();
}
