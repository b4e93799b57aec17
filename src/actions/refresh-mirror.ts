import { paginateComments, type JiraComment } from '../jira/index.ts';
import type { MirrorIssueDetail } from '../shared/mirror.ts';
import { writeIssueBatch } from '../storage/mirror-batch.ts';
import { issueToRecord } from '../sync/issue-row.ts';
import { issueRowToIssue, parseObject } from '../sync/views.ts';
import { listComments } from '../storage/mirror-comments.ts';
import { findIssueByKey } from '../storage/mirror-issue-queries.ts';
import type { ActionDeps } from './deps.ts';
import { valueOf } from './jira-failure.ts';
import type { JiraSession } from './jira-session.ts';
import { ApiError } from '../server/errors.ts';

/**
 * Reads an issue and all its comments back from Jira and stores them through the sync's own
 * write path, so the mirror shows a write at once; answers the mirrored issue.
 */
export async function refreshMirroredIssue(
  deps: ActionDeps,
  session: JiraSession,
  idOrKey: string,
): Promise<MirrorIssueDetail> {
  const issue = valueOf(await session.client.getIssue(idOrKey, { fields: ['*all'] }));
  const comments: JiraComment[] = [];
  for await (const page of paginateComments(session.client, issue.id)) {
    if (!page.ok) valueOf(page);
    else comments.push(...page.items);
  }
  const at = deps.now().toISOString();
  const record = issueToRecord(session.integrationId, issue, comments, at);
  if (!record.ok)
    throw new ApiError('jira_error', `Jira sent ${issue.key} without its ${record.error.path}.`);
  await writeIssueBatch(deps.db, {
    integrationId: session.integrationId,
    at,
    issues: [{ row: record.value.row, comments: record.value.comments, terms: record.value.terms }],
    users: record.value.users,
  });
  const row = await findIssueByKey(deps.db, session.integrationId, issue.key);
  if (row === undefined) throw new ApiError('jira_error', `${issue.key} could not be mirrored.`);
  const stored = await listComments(deps.db, session.integrationId, row.jira_id);
  return { ...issueRowToIssue(row), comments: stored.map((c) => parseObject(c.data_json)) };
}
