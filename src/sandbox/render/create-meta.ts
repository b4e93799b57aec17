import { PRIORITIES, TEAM_OPTIONS, type IssueTypeDef } from '../domain/catalog.ts';
import type { ScreenField, SystemCreateField } from '../domain/create-screens.ts';
import type { ProjectRecord } from '../domain/model.ts';
import { CUSTOM_SCHEMAS, renderIssueType, renderPriority, renderProjectRef } from './config.ts';
import { restUrl, type RenderContext } from './context.ts';

const SYSTEM_META: Record<
  SystemCreateField,
  { name: string; schema: Record<string, string>; operations: string[] }
> = {
  summary: { name: 'Summary', schema: { type: 'string' }, operations: ['set'] },
  issuetype: { name: 'Issue Type', schema: { type: 'issuetype' }, operations: [] },
  project: { name: 'Project', schema: { type: 'project' }, operations: ['set'] },
  description: { name: 'Description', schema: { type: 'string' }, operations: ['set'] },
  priority: { name: 'Priority', schema: { type: 'priority' }, operations: ['set'] },
  assignee: { name: 'Assignee', schema: { type: 'user' }, operations: ['set'] },
  labels: {
    name: 'Labels',
    schema: { type: 'array', items: 'string' },
    operations: ['add', 'set', 'remove'],
  },
  parent: { name: 'Parent', schema: { type: 'issuelink' }, operations: ['set'] },
};

function userSearchUrl(ctx: RenderContext): string {
  // Cloud suggests users by accountId search, Data Center by the user picker.
  return ctx.flavor === 'cloud'
    ? restUrl(ctx, 'user/search?query=')
    : restUrl(ctx, 'user/picker?query=');
}

function systemField(
  ctx: RenderContext,
  field: SystemCreateField,
  project: ProjectRecord,
  type: IssueTypeDef,
): Record<string, unknown> {
  const meta = SYSTEM_META[field];
  const extra: Record<string, unknown> = { hasDefaultValue: false };
  if (field === 'issuetype') extra.allowedValues = [renderIssueType(ctx, type)];
  if (field === 'project') extra.allowedValues = [renderProjectRef(ctx, project)];
  if (field === 'priority') {
    const medium = PRIORITIES[2];
    extra.allowedValues = PRIORITIES.map((p) => renderPriority(ctx, p));
    extra.hasDefaultValue = true;
    if (medium !== undefined) extra.defaultValue = renderPriority(ctx, medium);
  }
  if (field === 'assignee') extra.autoCompleteUrl = userSearchUrl(ctx);
  if (field === 'labels')
    extra.autoCompleteUrl = `${ctx.baseUrl}/rest/api/1.0/labels/suggest?query=`;
  return {
    name: meta.name,
    schema: { ...meta.schema, system: field },
    ...extra,
    operations: meta.operations,
  };
}

/** One field of a create screen, as createmeta lists it (Cloud adds `key`). */
export function renderCreateField(
  ctx: RenderContext,
  field: ScreenField,
  project: ProjectRecord,
  type: IssueTypeDef,
): Record<string, unknown> {
  const fieldId = field.kind === 'system' ? field.id : field.def.id;
  const body =
    field.kind === 'system'
      ? systemField(ctx, field.id, project, type)
      : customField(ctx, field.def.kind, field.def.name, field.def.numericId);
  const keyed = ctx.flavor === 'cloud' ? { key: fieldId } : {};
  return { required: field.required, ...body, fieldId, ...keyed };
}

function customField(
  ctx: RenderContext,
  kind: string,
  name: string,
  customId: number,
): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  if (kind === 'option')
    extra.allowedValues = TEAM_OPTIONS.map((o) => ({
      self: restUrl(ctx, `customFieldOption/${o.id}`),
      value: o.value,
      id: o.id,
    }));
  if (kind === 'multiuser') extra.autoCompleteUrl = userSearchUrl(ctx);
  if (kind === 'labels')
    extra.autoCompleteUrl = `${ctx.baseUrl}/rest/api/1.0/labels/suggest?customFieldId=${customId}&query=`;
  const operations = kind === 'multiuser' || kind === 'labels' ? ['add', 'set', 'remove'] : ['set'];
  return {
    name,
    schema: { ...CUSTOM_SCHEMAS[kind], customId },
    hasDefaultValue: false,
    ...extra,
    operations,
  };
}
