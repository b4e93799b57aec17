import type { Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import the live schema.
/* eslint-disable @typescript-eslint/no-explicit-any */

/** Automation rules, their runs (one per rule and trigger), and the Jira writes rules made. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('automation_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('integration_id', 'text', (c) =>
      c.notNull().references('integrations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('trigger_json', 'text', (c) => c.notNull())
    .addColumn('actions_json', 'text', (c) => c.notNull())
    .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('automation_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule_id', 'text', (c) =>
      c.notNull().references('automation_rules.id').onDelete('cascade'),
    )
    // `event:<delivery identifier>` or `api:<random>`: a rule runs once per trigger.
    .addColumn('trigger_ref', 'text', (c) => c.notNull())
    .addColumn('issue_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('results_json', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addUniqueConstraint('automation_runs_once', ['rule_id', 'trigger_ref'])
    .execute();
  await db.schema
    .createTable('automation_writes')
    .addColumn('integration_id', 'text', (c) =>
      c.notNull().references('integrations.id').onDelete('cascade'),
    )
    // `issue:<id>@<updated ISO>` or `comment:<id>`: what the webhook of a rule's own write carries.
    .addColumn('marker', 'text', (c) => c.notNull())
    .addColumn('made_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('automation_writes_pk', ['integration_id', 'marker'])
    .execute();
}

/** Drops what up() made. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('automation_writes').execute();
  await db.schema.dropTable('automation_runs').execute();
  await db.schema.dropTable('automation_rules').execute();
}
