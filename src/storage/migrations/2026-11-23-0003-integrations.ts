import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import the live schema.
/* eslint-disable @typescript-eslint/no-explicit-any */

/** Jira integrations: site, encrypted credentials, status and the last verification. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('integrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('site_url', 'text', (c) => c.notNull())
    .addColumn('allow_insecure_http', 'integer', (c) => c.notNull())
    .addColumn('auth_type', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('username', 'text')
    .addColumn('secret_ciphertext', 'text')
    .addColumn('token_hint', 'text')
    .addColumn('deployment', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error_json', 'text')
    .addColumn('account_json', 'text')
    .addColumn('deployment_info_json', 'text')
    .addColumn('access_json', 'text')
    .addColumn('checks_json', 'text', (c) => c.notNull())
    .addColumn('settings_version', 'integer', (c) => c.notNull())
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull())
    .addColumn('last_verified_at', 'text')
    .addColumn('next_check_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('integrations_status_next_check')
    .on('integrations')
    .columns(['status', 'next_check_at'])
    .execute();
}

/** Drops what up() made. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('integrations').execute();
}
