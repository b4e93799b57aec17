import type { JiraComment, JiraIssue, JiraUser } from '../jira/index.ts';
import { readIssueCore } from '../jira/index.ts';
import type { NewComment } from '../storage/mirror-comments.ts';
import type { NewIssueRow } from '../storage/mirror-schema.ts';
import { searchDocument } from '../storage/search-terms.ts';
import type { SeenUser } from '../storage/mirror-users.ts';
import { jiraTimeToIso } from './jira-time.ts';

/** An issue ready to store: its row, all its comments, the users seen in it and its search words. */
export interface IssueRecord {
  row: NewIssueRow;
  comments: NewComment[];
  users: SeenUser[];
  terms: string;
}

/** Why an issue cannot be stored. */
export interface UnreadableIssue {
  id: string;
  path: string;
}

/** The stable identity of a user: accountId on Cloud, key or name on Server/DC. */
export function userKey(user: JiraUser | null | undefined): string | null {
  if (user === null || user === undefined) return null;
  return user.accountId ?? user.key ?? user.name ?? null;
}

/** The users an issue shows, each once (a comment thread names the same few people again and again). */
function seenUsers(users: readonly (JiraUser | null | undefined)[]): SeenUser[] {
  const byKey = new Map<string, JiraUser>();
  for (const user of users) {
    const key = userKey(user);
    if (key !== null && user !== null && user !== undefined && !byKey.has(key))
      byKey.set(key, user);
  }
  return [...byKey].map(([key, user]) => ({
    user_key: key,
    display_name: user.displayName ?? null,
    data_json: JSON.stringify(user),
  }));
}

/** Maps a Jira issue and its complete comment list to rows; an issue lacking core fields is reported. */
export function issueToRecord(
  integrationId: string,
  issue: JiraIssue,
  comments: readonly JiraComment[],
  syncedAt: string,
): { ok: true; value: IssueRecord } | { ok: false; error: UnreadableIssue } {
  const core = readIssueCore(issue);
  if (!core.ok) return { ok: false, error: { id: issue.id, path: core.path } };
  const f = core.value;
  const created = jiraTimeToIso(f.created);
  const updated = jiraTimeToIso(f.updated);
  const idNum = Number(issue.id);
  if (updated === null || created === null || !Number.isSafeInteger(idNum)) {
    return { ok: false, error: { id: issue.id, path: updated === null ? 'updated' : 'created' } };
  }
  const row: NewIssueRow = {
    integration_id: integrationId,
    jira_id: issue.id,
    id_num: idNum,
    key: issue.key,
    project_key: f.project?.key ?? issue.key.slice(0, issue.key.lastIndexOf('-')),
    summary: f.summary ?? '',
    status: f.status?.name ?? null,
    status_category: f.status?.statusCategory?.key ?? null,
    issue_type: f.issuetype?.name ?? null,
    priority: f.priority?.name ?? null,
    assignee_id: userKey(f.assignee),
    assignee_name: f.assignee?.displayName ?? null,
    reporter_id: userKey(f.reporter),
    reporter_name: f.reporter?.displayName ?? null,
    labels_json: JSON.stringify(f.labels ?? []),
    created,
    updated,
    fields_json: JSON.stringify(storedFields(issue.fields)),
    synced_at: syncedAt,
  };
  const users = seenUsers([f.assignee, f.reporter, ...comments.map((c) => c.author)]);
  // The search words come from the parsed issue (reading them back from fields_json would parse
  // every field again), and now, so that a record waiting for its commit holds strings only.
  const terms = searchDocument({
    key: row.key,
    summary: row.summary,
    description: issue.fields.description ?? null,
    labels: f.labels ?? [],
    commentBodies: comments.map((comment) => comment.body ?? null),
  });
  return { ok: true, value: { row, comments: comments.map(commentToRow), users, terms } };
}

/**
 * The fields as stored: all but `comment`, which holds only Jira's first page of comments; the
 * complete list is stored as rows of its own. Kept twice, it was over 40% of every stored issue.
 */
export function storedFields(fields: JiraIssue['fields']): Record<string, unknown> {
  if (!('comment' in fields)) return fields;
  const stored: Record<string, unknown> = {};
  for (const name of Object.keys(fields)) if (name !== 'comment') stored[name] = fields[name];
  return stored;
}

function commentToRow(comment: JiraComment, position: number): NewComment {
  return {
    jira_id: comment.id,
    position,
    author_id: userKey(comment.author),
    created: jiraTimeToIso(comment.created),
    updated: jiraTimeToIso(comment.updated),
    data_json: JSON.stringify(comment),
  };
}
