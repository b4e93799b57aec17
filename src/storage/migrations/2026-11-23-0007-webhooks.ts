import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import the live schema.
/* eslint-disable @typescript-eslint/no-explicit-any */

/** Jira webhooks: one registration per integration, and the deliveries received (each once). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('integration_webhooks')
    .addColumn('integration_id', 'text', (c) =>
      c.primaryKey().references('integrations.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('jira_webhook_id', 'text')
    .addColumn('receiver_url', 'text')
    .addColumn('jql_filter', 'text')
    .addColumn('secret_ciphertext', 'text')
    .addColumn('refused', 'integer', (c) => c.notNull())
    .addColumn('last_delivery_at', 'text')
    .addColumn('last_checked_at', 'text')
    .addColumn('error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('integration_id', 'text', (c) =>
      c.notNull().references('integrations.id').onDelete('cascade'),
    )
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text')
    .addColumn('outcome', 'text')
    // The unique key that makes a replayed delivery a no-op.
    .addPrimaryKeyConstraint('webhook_deliveries_pk', ['integration_id', 'identifier'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_received_at')
    .on('webhook_deliveries')
    .column('received_at')
    .execute();
}

/** Drops what up() made. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('integration_webhooks').execute();
}
