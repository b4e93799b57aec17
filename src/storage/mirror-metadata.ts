import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** A metadata object to store: its id, its name and the object itself as JSON. */
export interface MetadataRow {
  jira_id: string;
  name: string;
  data_json: string;
}

/** The mirror's complete metadata, as one sync read it. */
export interface MetadataSet {
  projects: (MetadataRow & { key: string })[];
  issueTypes: MetadataRow[];
  statuses: (MetadataRow & { category_key: string | null })[];
  priorities: MetadataRow[];
  fields: (MetadataRow & { custom: number | null })[];
}

const CHUNK = 200;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Replaces every metadata table of an integration with `set`: what Jira no longer has goes. */
export async function replaceMetadata(
  trx: Transaction<Database>,
  integrationId: string,
  set: MetadataSet,
): Promise<void> {
  const owner = { integration_id: integrationId };
  await trx.deleteFrom('jira_projects').where('integration_id', '=', integrationId).execute();
  for (const rows of chunks(set.projects))
    await trx
      .insertInto('jira_projects')
      .values(rows.map((r) => ({ ...r, ...owner })))
      .execute();
  await trx.deleteFrom('jira_issue_types').where('integration_id', '=', integrationId).execute();
  for (const rows of chunks(set.issueTypes))
    await trx
      .insertInto('jira_issue_types')
      .values(rows.map((r) => ({ ...r, ...owner })))
      .execute();
  await trx.deleteFrom('jira_statuses').where('integration_id', '=', integrationId).execute();
  for (const rows of chunks(set.statuses))
    await trx
      .insertInto('jira_statuses')
      .values(rows.map((r) => ({ ...r, ...owner })))
      .execute();
  await trx.deleteFrom('jira_priorities').where('integration_id', '=', integrationId).execute();
  for (const rows of chunks(set.priorities))
    await trx
      .insertInto('jira_priorities')
      .values(rows.map((r) => ({ ...r, ...owner })))
      .execute();
  await trx.deleteFrom('jira_fields').where('integration_id', '=', integrationId).execute();
  for (const rows of chunks(set.fields))
    await trx
      .insertInto('jira_fields')
      .values(rows.map((r) => ({ ...r, ...owner })))
      .execute();
}

/** replaceMetadata in a transaction of its own. */
export async function storeMetadata(
  db: Kysely<Database>,
  integrationId: string,
  set: MetadataSet,
): Promise<void> {
  await db.transaction().execute((trx) => replaceMetadata(trx, integrationId, set));
}
