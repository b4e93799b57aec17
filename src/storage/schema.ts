import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ActionTables } from './actions-schema.ts';
import type { IssueSearchTable } from './issue-search.ts';
import type { MirrorTables } from './mirror-schema.ts';
import type { WebhookTables } from './webhook-schema.ts';
import type { AutomationTables } from './automation-schema.ts';

/** The roles of PRODUCT.md §5, most to least powerful. */
export type Role = 'admin' | 'member' | 'viewer';

/** Timestamps are ISO-8601 UTC strings in both dialects, so they sort and compare as text. */
type Timestamp = string;

/** An OwlHub account. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A browser session; only the SHA-256 of the cookie value is stored. */
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** A key for API clients; only the SHA-256 of the key is stored. */
export interface ApiKeysTable {
  id: string;
  user_id: string;
  name: string;
  key_hash: string;
  key_prefix: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
}

/** One failed login, kept for throttling. */
export interface LoginFailuresTable {
  id: string;
  email: string;
  failed_at: Timestamp;
}

/** A one-time event of this OwlHub instance, such as `setup`. */
export interface InstanceEventsTable {
  name: string;
  happened_at: Timestamp;
}

/** Where a job is in its life; a retry puts a job back to `queued` with a later `run_at`. */
export type JobState = 'queued' | 'active' | 'completed' | 'failed' | 'cancelled';

/** A background job of the SQLite job queue (PostgreSQL uses pg-boss's own tables). */
export interface JobsTable {
  id: string;
  name: string;
  /** The job's JSON payload, serialised. */
  data: string;
  state: JobState;
  /** At most one queued or active job per (name, singleton_key). */
  singleton_key: string | null;
  /** The period a scheduled job belongs to, so each period is enqueued once. */
  schedule_slot: string | null;
  /** How many times a worker has started the job. */
  attempt: number;
  run_at: Timestamp;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

/** A connected (or connecting) Jira. JSON columns hold API-shaped values OwlHub never queries into. */
export interface IntegrationsTable {
  id: string;
  type: 'jira';
  name: string;
  site_url: string;
  /** 1 when the user confirmed that the token may travel over plain HTTP. */
  allow_insecure_http: number;
  auth_type: 'cloud_token' | 'personal_access_token' | 'basic_password';
  email: string | null;
  username: string | null;
  /** The token or password in a secrets envelope; null once cleared (e.g. the site URL changed). */
  secret_ciphertext: string | null;
  token_hint: string | null;
  deployment: 'cloud' | 'server' | 'datacenter' | null;
  status: 'pending' | 'connected' | 'failed';
  error_json: string | null;
  account_json: string | null;
  deployment_info_json: string | null;
  access_json: string | null;
  checks_json: string;
  /** Bumped on every change of site or credentials, so a stale verification cannot overwrite a newer one. */
  settings_version: number;
  consecutive_failures: number;
  last_verified_at: Timestamp | null;
  next_check_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Every table OwlHub stores, the one source of the storage layer's types. */
export interface Database extends MirrorTables, WebhookTables, ActionTables, AutomationTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  login_failures: LoginFailuresTable;
  instance_events: InstanceEventsTable;
  jobs: JobsTable;
  integrations: IntegrationsTable;
  jira_issue_search: IssueSearchTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserRowUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
/** A job as read from the `jobs` table. */
export type JobRow = Selectable<JobsTable>;
/** A job about to be inserted. */
export type NewJobRow = Insertable<JobsTable>;
/** An integration as read from its table. */
export type IntegrationRow = Selectable<IntegrationsTable>;
/** Columns of an integration that may change after creation. */
export type IntegrationRowUpdate = Updateable<IntegrationsTable>;
