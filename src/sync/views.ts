import { z } from 'zod';
import type {
  MirrorIssue,
  MirrorProject,
  SyncCounts,
  SyncError,
  SyncRunView,
} from '../shared/mirror.ts';
import type { ProjectRow } from '../storage/mirror-projects.ts';
import type { IssueRow, SyncRunRow } from '../storage/mirror-schema.ts';
import { storedFields } from './issue-row.ts';

const Json = z.record(z.string(), z.unknown());
const Labels = z.array(z.string());
const count = z.number().default(0);
const Counts = z.object({
  listed: count,
  written: count,
  stale: count,
  deleted: count,
  comments: count,
  unreadable: count,
});

/** A run's stored counts (counts added later default to 0). */
export function parseCounts(json: string): SyncCounts {
  return Counts.parse(JSON.parse(json));
}
const ErrorJson = z.object({
  code: z.enum([
    'not_connected',
    'invalid_credentials',
    'forbidden',
    'rate_limited',
    'jira_error',
    'cancelled',
  ]),
  message: z.string(),
});

/** A JSON object column read back; storage wrote it, so anything else is a bug. */
export function parseObject(json: string): Record<string, unknown> {
  return Json.parse(JSON.parse(json));
}

/** The API shape of a stored issue. */
export function issueRowToIssue(row: IssueRow): MirrorIssue {
  return {
    id: row.jira_id,
    key: row.key,
    projectKey: row.project_key,
    summary: row.summary,
    status: row.status,
    statusCategory: row.status_category,
    issueType: row.issue_type,
    priority: row.priority,
    assignee:
      row.assignee_id === null ? null : { id: row.assignee_id, displayName: row.assignee_name },
    reporter:
      row.reporter_id === null ? null : { id: row.reporter_id, displayName: row.reporter_name },
    labels: Labels.parse(JSON.parse(row.labels_json)),
    created: row.created,
    updated: row.updated,
    // A mirror synced before comments left the stored fields still holds their first page there.
    fields: storedFields(parseObject(row.fields_json)),
  };
}

/** The API shape of a stored project. */
export function projectRowToProject(row: ProjectRow): MirrorProject {
  return { id: row.jira_id, key: row.key, name: row.name, data: parseObject(row.data_json) };
}

/** The API shape of a run, with its rate (issues per second) and time left at that rate. */
export function runRowToView(row: SyncRunRow, now: Date): SyncRunView {
  const counts = parseCounts(row.counts_json);
  const elapsed =
    row.started_at === null
      ? null
      : ((row.finished_at === null ? now.getTime() : Date.parse(row.finished_at)) -
          Date.parse(row.started_at)) /
        1000;
  const rate = elapsed === null || elapsed <= 0 ? null : row.done / elapsed;
  const eta =
    rate === null || rate === 0 || row.total === null || row.finished_at !== null
      ? null
      : Math.max(0, (row.total - row.done) / rate);
  const error: SyncError | undefined =
    row.error_json === null ? undefined : ErrorJson.parse(JSON.parse(row.error_json));
  return {
    id: row.id,
    integrationId: row.integration_id,
    mode: row.mode,
    status: row.status,
    // A cancel request is seen by the run's worker at its next unit; until then it is cancelling.
    phase: row.status === 'running' && row.cancel_requested_at !== null ? 'cancelling' : row.phase,
    counts,
    done: row.done,
    total: row.total,
    rate,
    etaSeconds: eta,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    ...(error === undefined ? {} : { error }),
  };
}
