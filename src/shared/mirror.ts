/** The API shapes of the mirror and its sync runs (PRODUCT.md §4 and §6). */

/** How a sync run ended when it did not succeed. */
export type SyncErrorCode =
  | 'not_connected'
  | 'invalid_credentials'
  | 'forbidden'
  | 'rate_limited'
  | 'jira_error'
  | 'cancelled';

/** Why a sync run failed. */
export interface SyncError {
  code: SyncErrorCode;
  message: string;
}

/** A full sync re-reads everything; an incremental one reads what changed and reconciles ids. */
export type SyncMode = 'full' | 'incremental';

/** Where a run is in its life. */
export type SyncRunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** What a run did, item by item. */
export interface SyncCounts {
  /** Issue ids listed from Jira. */
  listed: number;
  /** Issues written to the mirror. */
  written: number;
  /** Issues not written because the mirror already held a newer version. */
  stale: number;
  /** Issues deleted from the mirror because Jira no longer has them. */
  deleted: number;
  /** Comments written. */
  comments: number;
  /** Issues Jira sent without the fields the mirror needs (ids in the run's log). */
  unreadable: number;
}

/** A sync run as `GET /api/sync-runs/:id` shows it. */
export interface SyncRunView {
  id: string;
  integrationId: string;
  mode: SyncMode;
  status: SyncRunStatus;
  phase: string;
  counts: SyncCounts;
  done: number;
  total: number | null;
  /** Issues per second since the run started. */
  rate: number | null;
  /** Seconds left at the current rate. */
  etaSeconds: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error?: SyncError;
}

/** A Jira user as an issue names them. */
export interface MirrorUser {
  id: string;
  displayName: string | null;
}

/** A mirrored issue (PRODUCT.md §6): normalised columns plus every field as Jira sent it. */
export interface MirrorIssue {
  id: string;
  key: string;
  projectKey: string;
  summary: string;
  status: string | null;
  statusCategory: string | null;
  issueType: string | null;
  priority: string | null;
  assignee: MirrorUser | null;
  reporter: MirrorUser | null;
  labels: string[];
  created: string;
  updated: string;
  fields: Record<string, unknown>;
}

/** A mirrored comment, as Jira sent it. */
export type MirrorComment = Record<string, unknown>;

/** An issue with all its comments. */
export interface MirrorIssueDetail extends MirrorIssue {
  comments: MirrorComment[];
}

/** A mirrored project. */
export interface MirrorProject {
  id: string;
  key: string | null;
  name: string;
  data: Record<string, unknown>;
}

/** A page of a list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A mirrored status; `categoryKey` is Jira's status category (new, indeterminate, done). */
export interface MirrorStatus {
  id: string;
  name: string;
  categoryKey: string | null;
}

/** A mirrored field definition, so pages can name custom fields. */
export interface MirrorField {
  id: string;
  name: string;
  custom: boolean;
}

/** A Jira user the mirror has seen; `id` is what the issue list's `assignee` filter takes. */
export interface MirrorSeenUser {
  id: string;
  displayName: string | null;
}
