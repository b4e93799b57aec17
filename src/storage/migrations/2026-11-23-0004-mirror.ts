import type { CreateTableBuilder, Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import the live schema.
/* eslint-disable @typescript-eslint/no-explicit-any */

/** Every mirror row belongs to an integration and goes with it. */
function owned(table: CreateTableBuilder<any, any>): CreateTableBuilder<any, any> {
  return table.addColumn('integration_id', 'text', (c) =>
    c.notNull().references('integrations.id').onDelete('cascade'),
  );
}

/** A metadata table: one row per Jira object, the object itself as JSON. */
async function createMetadata(
  db: Kysely<any>,
  name: string,
  extra: [string, 'text' | 'integer'][],
): Promise<void> {
  let table = owned(db.schema.createTable(name))
    .addColumn('jira_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull());
  for (const [column, type] of extra) table = table.addColumn(column, type);
  await table
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${name}_pk`, ['integration_id', 'jira_id'])
    .execute();
}

/** The Jira mirror (issues, comments, metadata, users seen) and the sync runs that fill it. */
export async function up(db: Kysely<any>): Promise<void> {
  await createMetadata(db, 'jira_projects', [['key', 'text']]);
  await createMetadata(db, 'jira_issue_types', []);
  await createMetadata(db, 'jira_statuses', [['category_key', 'text']]);
  await createMetadata(db, 'jira_priorities', []);
  await createMetadata(db, 'jira_fields', [['custom', 'integer']]);
  await owned(db.schema.createTable('jira_users'))
    .addColumn('user_key', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('jira_users_pk', ['integration_id', 'user_key'])
    .execute();
  await owned(db.schema.createTable('jira_issues'))
    .addColumn('jira_id', 'text', (c) => c.notNull())
    // The id as a number, so that id ranges (the unit of a full sync's checkpoint) can be compared.
    .addColumn('id_num', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('project_key', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('status_category', 'text')
    .addColumn('issue_type', 'text')
    .addColumn('priority', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('assignee_name', 'text')
    .addColumn('reporter_id', 'text')
    .addColumn('reporter_name', 'text')
    .addColumn('labels_json', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('updated', 'text', (c) => c.notNull())
    .addColumn('fields_json', 'text', (c) => c.notNull())
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('jira_issues_pk', ['integration_id', 'jira_id'])
    .execute();
  await db.schema
    .createIndex('jira_issues_id_num')
    .on('jira_issues')
    .columns(['integration_id', 'id_num'])
    .execute();
  await db.schema
    .createIndex('jira_issues_key')
    .on('jira_issues')
    .columns(['integration_id', 'key'])
    .execute();
  await db.schema
    .createIndex('jira_issues_updated')
    .on('jira_issues')
    .columns(['integration_id', 'updated', 'jira_id'])
    .execute();
  // Every key an issue has had, so that a moved issue is still found by its old key.
  await owned(db.schema.createTable('jira_issue_keys'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('issue_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('jira_issue_keys_pk', ['integration_id', 'key'])
    .execute();
  await owned(db.schema.createTable('jira_comments'))
    .addColumn('issue_id', 'text', (c) => c.notNull())
    .addColumn('jira_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('created', 'text')
    .addColumn('updated', 'text')
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('jira_comments_pk', ['integration_id', 'issue_id', 'jira_id'])
    .execute();
  await owned(db.schema.createTable('sync_runs'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('counts_json', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer')
    .addColumn('error_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('sync_runs_integration_created')
    .on('sync_runs')
    .columns(['integration_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('sync_state')
    .addColumn('integration_id', 'text', (c) =>
      c.primaryKey().references('integrations.id').onDelete('cascade'),
    )
    .addColumn('cursor', 'text')
    .addColumn('checkpoint_json', 'text')
    .addColumn('last_full_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops what up() made. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'sync_state',
    'sync_runs',
    'jira_comments',
    'jira_issue_keys',
    'jira_issues',
    'jira_users',
    'jira_fields',
    'jira_priorities',
    'jira_statuses',
    'jira_issue_types',
    'jira_projects',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
