import type { Kysely, Selectable } from 'kysely';
import type { JiraProjectsTable } from './mirror-schema.ts';
import type { Database } from './schema.ts';

/** A mirrored project row. */
export type ProjectRow = Selectable<JiraProjectsTable>;

/** The mirrored projects of an integration, by key. */
export async function listProjectRows(
  db: Kysely<Database>,
  integrationId: string,
): Promise<ProjectRow[]> {
  return db
    .selectFrom('jira_projects')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .orderBy('key')
    .execute();
}
