import { z } from 'zod';
import type { IntegrationDeps } from '../integrations/deps.ts';
import { ApiError, invalidInput, notFound } from '../server/errors.ts';
import type {
  MirrorIssue,
  MirrorField,
  MirrorIssueDetail,
  MirrorProject,
  MirrorSeenUser,
  MirrorStatus,
  Page,
  SyncMode,
  SyncRunView,
} from '../shared/mirror.ts';
import { findIntegration } from '../storage/integrations.ts';
import { listComments } from '../storage/mirror-comments.ts';
import type { IssueFilter } from '../storage/mirror-issue-queries.ts';
import { findIssueByKey, listIssueRows } from '../storage/mirror-issue-queries.ts';
import {
  listFieldRows,
  listSeenUserRows,
  listStatusRows,
} from '../storage/mirror-metadata-queries.ts';
import { listProjectRows } from '../storage/mirror-projects.ts';
import { findSyncRun, listSyncRuns } from '../storage/sync-runs.ts';
import { cancelSyncRun } from './cancel-run.ts';
import { requestSync } from './jobs.ts';
import { issueRowToIssue, parseObject, projectRowToProject, runRowToView } from './views.ts';

type Deps = Pick<IntegrationDeps, 'db' | 'jobs' | 'now'>;

async function mustFindIntegration(deps: Pick<Deps, 'db'>, id: string) {
  const row = await findIntegration(deps.db, id);
  if (row === undefined) throw notFound('The integration');
  return row;
}

/** Queues a sync of a connected integration; answers the run already queued or running if any. */
export async function startSync(
  deps: Deps,
  integrationId: string,
  mode: SyncMode,
): Promise<{ runId: string; alreadyRunning: boolean }> {
  const row = await mustFindIntegration(deps, integrationId);
  if (row.status !== 'connected')
    throw new ApiError(
      'conflict',
      `The integration is ${row.status}; only a connected one syncs.`,
      {
        hint: 'Verify the integration first.',
      },
    );
  const request = await requestSync(deps, integrationId, mode);
  if (request.runId === null)
    throw new ApiError('conflict', 'A sync of this integration is starting; try again shortly.');
  return { runId: request.runId, alreadyRunning: !request.queued };
}

/** The runs of an integration, newest first. */
export async function listRuns(deps: Deps, integrationId: string): Promise<SyncRunView[]> {
  await mustFindIntegration(deps, integrationId);
  const rows = await listSyncRuns(deps.db, integrationId, 50);
  return rows.map((row) => runRowToView(row, deps.now()));
}

/** One run with its progress. */
export async function getRun(deps: Deps, runId: string): Promise<SyncRunView> {
  const row = await findSyncRun(deps.db, runId);
  if (row === undefined) throw notFound('The sync run');
  return runRowToView(row, deps.now());
}

/**
 * Cancels a run: a queued one ends at once, a running one stops at its next unit and keeps what
 * it committed. A run that has already ended cannot be cancelled.
 */
export async function cancelRun(deps: Deps, runId: string): Promise<SyncRunView> {
  const outcome = await cancelSyncRun(deps, runId);
  switch (outcome.kind) {
    case 'cancelled':
    case 'stopping':
      return getRun(deps, runId);
    case 'not_found':
      throw notFound('The sync run');
    case 'finished':
      throw new ApiError(
        'conflict',
        `The sync run has already ended (${outcome.status}); only a queued or running run can be cancelled.`,
        { hint: 'Start a new sync if you need one.' },
      );
  }
}

/** The mirrored projects of an integration. */
export async function listProjects(deps: Deps, integrationId: string): Promise<MirrorProject[]> {
  await mustFindIntegration(deps, integrationId);
  return (await listProjectRows(deps.db, integrationId)).map(projectRowToProject);
}

/** The mirrored statuses of an integration (the issue list's status filter offers them). */
export async function listStatuses(deps: Deps, integrationId: string): Promise<MirrorStatus[]> {
  await mustFindIntegration(deps, integrationId);
  return (await listStatusRows(deps.db, integrationId)).map((row) => ({
    id: row.jira_id,
    name: row.name,
    categoryKey: row.category_key,
  }));
}

/** The mirrored field definitions of an integration, so custom fields can be shown by name. */
export async function listFields(deps: Deps, integrationId: string): Promise<MirrorField[]> {
  await mustFindIntegration(deps, integrationId);
  return (await listFieldRows(deps.db, integrationId)).map((row) => ({
    id: row.jira_id,
    name: row.name,
    custom: row.custom === 1,
  }));
}

/** The Jira users the mirror has seen (the issue list's assignee filter offers them). */
export async function listSeenUsers(deps: Deps, integrationId: string): Promise<MirrorSeenUser[]> {
  await mustFindIntegration(deps, integrationId);
  return (await listSeenUserRows(deps.db, integrationId)).map((row) => ({
    id: row.user_key,
    displayName: row.display_name,
  }));
}

const CursorSchema = z.object({ updated: z.string(), id: z.string() });

function decodeCursor(cursor: string): z.infer<typeof CursorSchema> {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalidInput({ cursor: 'Use the nextCursor of the previous page as it was given.' });
  }
}

/** One page of mirrored issues, most recently updated first. */
export async function listIssues(
  deps: Pick<Deps, 'db'>,
  integrationId: string,
  filter: IssueFilter,
  page: { cursor?: string | undefined; limit: number },
): Promise<Page<MirrorIssue>> {
  await mustFindIntegration(deps, integrationId);
  const since = filter.updatedSince;
  const normalised = {
    ...filter,
    // Stored timestamps are UTC text: compare with the same spelling whatever offset was given.
    updatedSince: since === undefined ? undefined : new Date(since).toISOString(),
  };
  const rows = await listIssueRows(deps.db, integrationId, normalised, {
    ...(page.cursor === undefined ? {} : { after: decodeCursor(page.cursor) }),
    limit: page.limit + 1,
  });
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > page.limit && last !== undefined
      ? Buffer.from(JSON.stringify({ updated: last.updated, id: last.jira_id })).toString(
          'base64url',
        )
      : null;
  return { items: items.map(issueRowToIssue), nextCursor };
}

/** One issue with every comment, by its key or a key it had before a move. */
export async function getIssue(
  deps: Deps,
  integrationId: string,
  key: string,
): Promise<MirrorIssueDetail> {
  await mustFindIntegration(deps, integrationId);
  const row = await findIssueByKey(deps.db, integrationId, key);
  if (row === undefined) throw notFound(`The issue ${key}`);
  const comments = await listComments(deps.db, integrationId, row.jira_id);
  return { ...issueRowToIssue(row), comments: comments.map((c) => parseObject(c.data_json)) };
}
