import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** A mirrored status: its id, name and category key (new, indeterminate, done). */
export interface StatusRow {
  jira_id: string;
  name: string;
  category_key: string | null;
}

/** A mirrored field definition; `custom` is 1 for custom fields, 0 or null otherwise. */
export interface FieldRow {
  jira_id: string;
  name: string;
  custom: number | null;
}

/** A Jira user the mirror has seen (assignee, reporter, author...). */
export interface UserRow {
  user_key: string;
  display_name: string | null;
}

/** The mirrored statuses of an integration, by name. */
export async function listStatusRows(
  db: Kysely<Database>,
  integrationId: string,
): Promise<StatusRow[]> {
  return db
    .selectFrom('jira_statuses')
    .select(['jira_id', 'name', 'category_key'])
    .where('integration_id', '=', integrationId)
    .orderBy('name')
    .orderBy('jira_id')
    .execute();
}

/** The mirrored field definitions of an integration, custom ones included, by id. */
export async function listFieldRows(
  db: Kysely<Database>,
  integrationId: string,
): Promise<FieldRow[]> {
  return db
    .selectFrom('jira_fields')
    .select(['jira_id', 'name', 'custom'])
    .where('integration_id', '=', integrationId)
    .orderBy('jira_id')
    .execute();
}

/** The Jira users the mirror has seen, by display name. */
export async function listSeenUserRows(
  db: Kysely<Database>,
  integrationId: string,
): Promise<UserRow[]> {
  return db
    .selectFrom('jira_users')
    .select(['user_key', 'display_name'])
    .where('integration_id', '=', integrationId)
    .orderBy('display_name')
    .orderBy('user_key')
    .execute();
}
