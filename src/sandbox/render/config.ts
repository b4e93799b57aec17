import {
  CUSTOM_FIELDS,
  ISSUE_TYPES,
  PRIORITIES,
  STATUSES,
  findCategory,
  type IssueTypeDef,
  type PriorityDef,
  type StatusDef,
} from '../domain/catalog.ts';
import type { ProjectRecord } from '../domain/model.ts';
import { restUrl, type RenderContext } from './context.ts';
import { renderUserById } from './user.ts';

/** A status category. */
export function renderCategory(ctx: RenderContext, id: number): Record<string, unknown> {
  const category = findCategory(id);
  return {
    self: restUrl(ctx, `statuscategory/${id}`),
    id,
    key: category?.key,
    colorName: category?.colorName,
    name: category?.name,
  };
}

/** A status with its category. */
export function renderStatus(ctx: RenderContext, status: StatusDef): Record<string, unknown> {
  return {
    self: restUrl(ctx, `status/${status.id}`),
    description: status.description,
    iconUrl: `${ctx.baseUrl}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: renderCategory(ctx, status.categoryId),
  };
}

/** An issue type. */
export function renderIssueType(ctx: RenderContext, type: IssueTypeDef): Record<string, unknown> {
  const base = {
    self: restUrl(ctx, `issuetype/${type.id}`),
    id: type.id,
    description: type.description,
    iconUrl: `${ctx.baseUrl}/images/icons/issuetypes/${type.icon}.svg`,
    name: type.name,
    subtask: type.subtask,
    avatarId: 10300 + (Number(type.id) % 100),
  };
  return ctx.flavor === 'cloud' ? { ...base, hierarchyLevel: type.hierarchyLevel } : base;
}

/** A priority. */
export function renderPriority(ctx: RenderContext, priority: PriorityDef): Record<string, unknown> {
  return {
    self: restUrl(ctx, `priority/${priority.id}`),
    iconUrl: `${ctx.baseUrl}/images/icons/priorities/${priority.name.toLowerCase()}.svg`,
    name: priority.name,
    id: priority.id,
  };
}

/** A priority as listed by `/priority` (with colour and description). */
export function renderPriorityDetails(
  ctx: RenderContext,
  priority: PriorityDef,
): Record<string, unknown> {
  return {
    ...renderPriority(ctx, priority),
    statusColor: priority.color,
    description: `${priority.name} priority.`,
  };
}

function projectAvatars(ctx: RenderContext, project: ProjectRecord): Record<string, string> {
  const base = `${ctx.baseUrl}/secure/projectavatar?pid=${project.id}`;
  return {
    '48x48': base,
    '24x24': `${base}&size=small`,
    '16x16': `${base}&size=xsmall`,
    '32x32': `${base}&size=medium`,
  };
}

/** A project as embedded in issues and listed by `/project`. */
export function renderProjectRef(
  ctx: RenderContext,
  project: ProjectRecord,
): Record<string, unknown> {
  const base = {
    self: restUrl(ctx, `project/${project.id}`),
    id: String(project.id),
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    avatarUrls: projectAvatars(ctx, project),
  };
  return ctx.flavor === 'cloud' ? { ...base, simplified: false } : base;
}

/** A project in full, as `/project/{key}` answers. */
export function renderProject(ctx: RenderContext, project: ProjectRecord): Record<string, unknown> {
  const full = {
    ...renderProjectRef(ctx, project),
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    description: `${project.name} (sandbox project)`,
    lead: renderUserById(ctx, project.leadId),
    components: [],
    issueTypes: ISSUE_TYPES.map((t) => renderIssueType(ctx, t)),
    assigneeType: 'UNASSIGNED',
    versions: [],
    roles: {},
  };
  return ctx.flavor === 'cloud'
    ? { ...full, style: 'classic', isPrivate: false, properties: {} }
    : full;
}

/** All statuses. */
export function renderStatuses(ctx: RenderContext): Record<string, unknown>[] {
  return STATUSES.map((s) => renderStatus(ctx, s));
}

const SYSTEM_FIELD_LIST: readonly (readonly [string, string, string, boolean])[] = [
  ['summary', 'Summary', 'string', true],
  ['description', 'Description', 'string', true],
  ['issuetype', 'Issue Type', 'issuetype', true],
  ['project', 'Project', 'project', true],
  ['status', 'Status', 'status', true],
  ['priority', 'Priority', 'priority', true],
  ['assignee', 'Assignee', 'user', true],
  ['reporter', 'Reporter', 'user', true],
  ['creator', 'Creator', 'user', true],
  ['created', 'Created', 'datetime', true],
  ['updated', 'Updated', 'datetime', true],
  ['resolution', 'Resolution', 'resolution', true],
  ['resolutiondate', 'Resolved', 'datetime', true],
  ['labels', 'Labels', 'array', true],
  ['parent', 'Parent', 'issuelink', true],
  ['subtasks', 'Sub-tasks', 'array', true],
  ['comment', 'Comment', 'comments-page', false],
];

/** The schema of each kind of custom field, as `/field` and createmeta describe it. */
export const CUSTOM_SCHEMAS: Record<string, { type: string; custom: string; items?: string }> = {
  option: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select' },
  multiuser: {
    type: 'array',
    items: 'user',
    custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multiuserpicker',
  },
  number: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' },
  date: { type: 'date', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker' },
  text: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield' },
  labels: {
    type: 'array',
    items: 'string',
    custom: 'com.atlassian.jira.plugin.system.customfieldtypes:labels',
  },
};

/** The `/field` list: system fields and the custom fields with their schemas. */
export function renderFields(): Record<string, unknown>[] {
  const system = SYSTEM_FIELD_LIST.map(([id, name, type, navigable]) => ({
    id,
    key: id,
    name,
    custom: false,
    orderable: true,
    navigable,
    searchable: true,
    clauseNames: [id],
    schema: { type, system: id },
  }));
  const custom = CUSTOM_FIELDS.map((f) => ({
    id: f.id,
    key: f.id,
    name: f.name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${f.numericId}]`, f.name],
    schema: { ...CUSTOM_SCHEMAS[f.kind], customId: f.numericId },
  }));
  return [...system, ...custom];
}

/** Every priority, highest first. */
export function renderPriorities(ctx: RenderContext): Record<string, unknown>[] {
  return PRIORITIES.map((p) => renderPriorityDetails(ctx, p));
}
