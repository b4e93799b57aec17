import type { NewIssueRow } from '../mirror-schema.ts';
import type { IntegrationRow } from '../schema.ts';

const AT = '2026-11-23T09:00:00.000Z';

/** A connected Cloud integration row, for storage tests that need an owner for mirror rows. */
export function integrationRow(id: string): IntegrationRow {
  return {
    id,
    type: 'jira',
    name: id,
    site_url: 'https://example.atlassian.net',
    allow_insecure_http: 0,
    auth_type: 'cloud_token',
    email: 'a@example.com',
    username: null,
    secret_ciphertext: null,
    token_hint: null,
    deployment: 'cloud',
    status: 'connected',
    error_json: null,
    account_json: null,
    deployment_info_json: null,
    access_json: null,
    checks_json: '[]',
    settings_version: 1,
    consecutive_failures: 0,
    last_verified_at: null,
    next_check_at: null,
    created_by: null,
    created_at: AT,
    updated_at: AT,
  };
}

/** What a search test sets on an issue; the rest is filled in. */
export interface SearchableFields {
  summary: string;
  description?: unknown;
  labels?: string[];
  project?: string;
  status?: string;
  assignee?: string;
}

/** An issue of integration `i1` updated on November `day` 2026 (two digits). */
export function searchableIssue(
  id: number,
  key: string,
  day: string,
  fields: SearchableFields,
): NewIssueRow {
  return {
    integration_id: 'i1',
    jira_id: String(id),
    id_num: id,
    key,
    project_key: fields.project ?? key.slice(0, key.indexOf('-')),
    summary: fields.summary,
    status: fields.status ?? 'To Do',
    status_category: 'new',
    issue_type: 'Task',
    priority: null,
    assignee_id: fields.assignee ?? null,
    assignee_name: null,
    reporter_id: null,
    reporter_name: null,
    labels_json: JSON.stringify(fields.labels ?? []),
    created: AT,
    updated: `2026-11-${day}T00:00:00.000Z`,
    fields_json: JSON.stringify({
      summary: fields.summary,
      description: fields.description ?? null,
    }),
    synced_at: AT,
  };
}
