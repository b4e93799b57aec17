import type { Insertable, Selectable } from 'kysely';

/** ISO-8601 UTC text, as everywhere in storage, so that it sorts and compares as text. */
type Timestamp = string;

/** A Jira object of a metadata kind (issue type, priority...), kept whole as JSON. */
export interface JiraMetadataTable {
  integration_id: string;
  jira_id: string;
  name: string;
  data_json: string;
}

/** A Jira project. */
export interface JiraProjectsTable extends JiraMetadataTable {
  key: string | null;
}

/** A Jira status and the category it belongs to (new, indeterminate, done). */
export interface JiraStatusesTable extends JiraMetadataTable {
  category_key: string | null;
}

/** A Jira field definition, custom ones included (`custom` 1 or 0). */
export interface JiraFieldsTable extends JiraMetadataTable {
  custom: number | null;
}

/** A Jira user seen as assignee, reporter, creator or comment author. */
export interface JiraUsersTable {
  integration_id: string;
  /** `accountId` on Cloud, `key` (or `name`) on Server/DC. */
  user_key: string;
  display_name: string | null;
  data_json: string;
  seen_at: Timestamp;
}

/** A mirrored issue: every field as Jira sent it, plus normalised columns for filtering. */
export interface JiraIssuesTable {
  integration_id: string;
  jira_id: string;
  id_num: number;
  key: string;
  project_key: string;
  summary: string;
  status: string | null;
  status_category: string | null;
  issue_type: string | null;
  priority: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  reporter_id: string | null;
  reporter_name: string | null;
  labels_json: string;
  created: Timestamp;
  updated: Timestamp;
  fields_json: string;
  synced_at: Timestamp;
}

/** Every key an issue has had (the current one included). */
export interface JiraIssueKeysTable {
  integration_id: string;
  key: string;
  issue_id: string;
}

/** A comment of a mirrored issue, in Jira's order (`position`). */
export interface JiraCommentsTable {
  integration_id: string;
  issue_id: string;
  jira_id: string;
  position: number;
  author_id: string | null;
  created: Timestamp | null;
  updated: Timestamp | null;
  data_json: string;
}

/** Where a sync run is in its life. */
export type SyncRunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** One sync run of one integration. */
export interface SyncRunsTable {
  id: string;
  integration_id: string;
  mode: 'full' | 'incremental';
  status: SyncRunStatus;
  phase: string;
  counts_json: string;
  done: number;
  total: number | null;
  error_json: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  /** The queue's job that runs it, once enqueued; cancelling a queued run cancels that job. */
  job_id: string | null;
  /** When someone asked a running run to stop; its worker stops at the next unit and ends it cancelled. */
  cancel_requested_at: Timestamp | null;
}

/** PostgreSQL: until when every process leaves a Jira site alone after one of them met a 429. */
export interface SyncSitePausesTable {
  /** The site's base URL, normalised (see site-budget.ts). */
  site: string;
  paused_until: Timestamp;
}

/** PostgreSQL: the processes sending requests to a site now; each takes an equal share of its budget. */
export interface SyncSiteSharesTable {
  site: string;
  holder: string;
  expires_at: Timestamp;
}

/** Per integration: the incremental cursor and the checkpoint of a full sync in progress. */
export interface SyncStateTable {
  integration_id: string;
  /** The `updated` high-water mark (ISO UTC) the next incremental run starts from, minus an overlap. */
  cursor: Timestamp | null;
  checkpoint_json: string | null;
  last_full_at: Timestamp | null;
  updated_at: Timestamp;
}

/** The mirror's tables, merged into `Database` in schema.ts. */
export interface MirrorTables {
  jira_projects: JiraProjectsTable;
  jira_issue_types: JiraMetadataTable;
  jira_statuses: JiraStatusesTable;
  jira_priorities: JiraMetadataTable;
  jira_fields: JiraFieldsTable;
  jira_users: JiraUsersTable;
  jira_issues: JiraIssuesTable;
  jira_issue_keys: JiraIssueKeysTable;
  jira_comments: JiraCommentsTable;
  sync_runs: SyncRunsTable;
  sync_state: SyncStateTable;
  sync_site_pauses: SyncSitePausesTable;
  sync_site_shares: SyncSiteSharesTable;
}

/** An issue row as stored. */
export type IssueRow = Selectable<JiraIssuesTable>;
/** An issue row to store. */
export type NewIssueRow = Insertable<JiraIssuesTable>;
/** A comment row as stored. */
export type CommentRow = Selectable<JiraCommentsTable>;
/** A sync run as stored. */
export type SyncRunRow = Selectable<SyncRunsTable>;
