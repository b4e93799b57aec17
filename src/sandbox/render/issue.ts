import {
  CUSTOM_FIELDS,
  ISSUE_TYPES,
  PRIORITIES,
  TEAM_OPTIONS,
  findStatus,
  type CustomFieldDef,
} from '../domain/catalog.ts';
import type { IssueRecord } from '../domain/model.ts';
import { formatDateTime } from '../domain/time.ts';
import { renderIssueType, renderPriority, renderProjectRef, renderStatus } from './config.ts';
import { memoize, restUrl, type RenderContext, type Rendered } from './context.ts';
import { renderCommentPage } from './comment.ts';
import { toAdf, toWiki } from './doc.ts';
import type { FieldSelection } from './fields.ts';
import { renderUserById } from './user.ts';

type FieldRenderer = (issue: IssueRecord, ctx: RenderContext) => unknown;

const EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

function date(ms: number | null, ctx: RenderContext): string | null {
  return ms === null ? null : formatDateTime(ms, ctx.timeZone);
}

function statusOf(issue: IssueRecord, ctx: RenderContext): Rendered | null {
  return memoize(ctx, `status:${issue.statusId}`, () => {
    const status = findStatus(issue.statusId);
    return status === undefined ? null : renderStatus(ctx, status);
  });
}

function issueTypeOf(issue: IssueRecord, ctx: RenderContext): Rendered | null {
  return memoize(ctx, `type:${issue.issueTypeId}`, () => {
    const type = ISSUE_TYPES.find((t) => t.id === issue.issueTypeId);
    return type === undefined ? null : renderIssueType(ctx, type);
  });
}

function priorityOf(issue: IssueRecord, ctx: RenderContext): Rendered | null {
  return memoize(ctx, `priority:${issue.priorityId}`, () => {
    const priority = PRIORITIES.find((p) => p.id === issue.priorityId);
    return priority === undefined ? null : renderPriority(ctx, priority);
  });
}

/** A linked issue as embedded in `parent` and `subtasks`: key, id and a few fields. */
function issueLink(ctx: RenderContext, id: number): Record<string, unknown> | null {
  const linked = ctx.store.issueById(id);
  if (linked === undefined) return null;
  return {
    id: String(linked.id),
    key: linked.key,
    self: restUrl(ctx, `issue/${linked.id}`),
    fields: {
      summary: linked.summary,
      status: statusOf(linked, ctx),
      priority: priorityOf(linked, ctx),
      issuetype: issueTypeOf(linked, ctx),
    },
  };
}

function customValue(def: CustomFieldDef, issue: IssueRecord, ctx: RenderContext): unknown {
  const value = issue.custom[def.valueKey];
  switch (def.kind) {
    case 'option': {
      const option = TEAM_OPTIONS.find((o) => o.id === value);
      return option === undefined
        ? null
        : {
            self: restUrl(ctx, `customFieldOption/${option.id}`),
            value: option.value,
            id: option.id,
          };
    }
    case 'multiuser':
      return Array.isArray(value) && value.length > 0
        ? value.map((id: string) => renderUserById(ctx, id))
        : null;
    case 'labels':
      return Array.isArray(value) && value.length > 0 ? value : null;
    case 'number':
    case 'date':
    case 'text':
      return value;
  }
}

const SYSTEM_RENDERERS: Record<string, FieldRenderer> = {
  statuscategorychangedate: (i, ctx) => date(i.statusChanged, ctx),
  issuetype: issueTypeOf,
  parent: (i, ctx) => (i.parentId === null ? undefined : issueLink(ctx, i.parentId)),
  timespent: () => null,
  project: (i, ctx) =>
    memoize(ctx, `project:${i.projectId}`, () => {
      const project = ctx.store.projectById(i.projectId);
      return project === undefined ? null : renderProjectRef(ctx, project);
    }),
  fixVersions: () => [],
  resolution: (i, ctx) =>
    i.resolved === null
      ? null
      : {
          self: restUrl(ctx, 'resolution/10000'),
          id: '10000',
          description: 'Work has been completed.',
          name: 'Done',
        },
  resolutiondate: (i, ctx) => date(i.resolved, ctx),
  workratio: () => -1,
  watches: (i, ctx) => ({
    self: restUrl(ctx, `issue/${i.key}/watchers`),
    watchCount: 1,
    isWatching: false,
  }),
  created: (i, ctx) => date(i.created, ctx),
  priority: priorityOf,
  labels: (i) => i.labels,
  versions: () => [],
  issuelinks: () => [],
  assignee: (i, ctx) => renderUserById(ctx, i.assigneeId),
  updated: (i, ctx) => date(i.updated, ctx),
  status: statusOf,
  components: () => [],
  description: (i, ctx) =>
    i.description === null
      ? null
      : ctx.version === '3'
        ? toAdf(i.description)
        : toWiki(i.description),
  summary: (i) => i.summary,
  creator: (i, ctx) => renderUserById(ctx, i.creatorId),
  subtasks: (i, ctx) => ctx.store.childrenOf(i.id).map((id) => issueLink(ctx, id)),
  reporter: (i, ctx) => renderUserById(ctx, i.reporterId),
  environment: () => null,
  duedate: () => null,
  votes: (i, ctx) => ({ self: restUrl(ctx, `issue/${i.key}/votes`), votes: 0, hasVoted: false }),
  comment: (i, ctx) => renderCommentPage(ctx, i, 0, 100),
  timetracking: () => ({}),
};

function renderFieldValues(
  issue: IssueRecord,
  ctx: RenderContext,
  selection: FieldSelection,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [id, render] of Object.entries(SYSTEM_RENDERERS)) {
    if (!selection.wants(id)) continue;
    const value = render(issue, ctx);
    if (value !== undefined) fields[id] = value;
  }
  for (const def of CUSTOM_FIELDS)
    if (selection.wants(def.id)) fields[def.id] = customValue(def, issue, ctx);
  return fields;
}

/** Renders an issue as Jira does for the selection: `{id}` alone when only ids were asked for. */
export function renderIssue(
  issue: IssueRecord,
  ctx: RenderContext,
  selection: FieldSelection,
): Record<string, unknown> {
  if (selection.idOnly)
    return selection.withKey ? { id: String(issue.id), key: issue.key } : { id: String(issue.id) };
  return {
    expand: EXPAND,
    id: String(issue.id),
    self: restUrl(ctx, `issue/${issue.id}`),
    key: issue.key,
    fields: renderFieldValues(issue, ctx, selection),
  };
}

/** The `names` expansion: field id to display name. */
export function fieldNames(): Record<string, string> {
  const names: Record<string, string> = {};
  for (const id of Object.keys(SYSTEM_RENDERERS))
    names[id] = id.charAt(0).toUpperCase() + id.slice(1);
  for (const def of CUSTOM_FIELDS) names[def.id] = def.name;
  return names;
}
