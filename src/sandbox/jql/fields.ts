import { CUSTOM_FIELDS, PRIORITIES, findStatus } from '../domain/catalog.ts';
import type { IssueRecord } from '../domain/model.ts';
import type { EvalContext } from './context.ts';
import {
  dateField,
  multiValueField,
  numberField,
  textField,
  valueField,
  type FieldSpec,
} from './field-kinds.ts';
import { keyField } from './key-field.ts';
import { docText } from './text-match.ts';
import {
  resolveCategory,
  resolveIssue,
  resolveIssueType,
  resolveLiteral,
  resolvePriority,
  resolveProject,
  resolveStatus,
  resolveTeam,
  resolveUser,
} from './resolve.ts';

const RESOLUTION_DONE = '10000';

function priorityRank(id: string | number): number {
  // Jira orders priorities so that "Highest" is the greatest value.
  return PRIORITIES.length - PRIORITIES.findIndex((p) => p.id === String(id));
}

function userSort(get: (issue: IssueRecord) => string | null) {
  return (ctx: EvalContext) => (issue: IssueRecord) => {
    const id = get(issue);
    return id === null ? null : (ctx.store.userById(id)?.displayName.toLowerCase() ?? id);
  };
}

function userField(name: string, get: (issue: IssueRecord) => string | null): FieldSpec {
  return valueField({ name, get, resolve: resolveUser(name), sort: userSort(get) });
}

function commentText(issue: IssueRecord, ctx: EvalContext): string {
  return ctx.store
    .commentsOf(issue)
    .map((c) => docText(c.body))
    .join(' ');
}

const summary = textField('summary', (issue) => issue.summary, true);
const description = textField('description', (issue) => docText(issue.description), false);
const comment = textField('comment', commentText, false);
const text = textField(
  'text',
  (issue, ctx) =>
    `${issue.summary} ${docText(issue.description)} ${issue.custom.notes ?? ''} ${commentText(issue, ctx)}`,
  false,
);

const SYSTEM_FIELDS: Record<string, FieldSpec> = {
  project: valueField({
    name: 'project',
    get: (i) => i.projectId,
    resolve: resolveProject,
    sort: (ctx) => (i) => ctx.store.projectById(i.projectId)?.name.toLowerCase() ?? null,
  }),
  key: keyField('key'),
  issuekey: keyField('issuekey'),
  issue: keyField('issue'),
  id: keyField('id'),
  parent: valueField({ name: 'parent', get: (i) => i.parentId, resolve: resolveIssue('parent') }),
  issuetype: valueField({
    name: 'issuetype',
    get: (i) => i.issueTypeId,
    resolve: resolveIssueType,
    sort: () => (i) => i.issueTypeId,
  }),
  status: valueField({
    name: 'status',
    get: (i) => i.statusId,
    resolve: resolveStatus,
    sort: () => (i) => findStatus(i.statusId)?.name ?? null,
  }),
  statuscategory: valueField({
    name: 'statusCategory',
    get: (i) => findStatus(i.statusId)?.categoryId ?? null,
    resolve: resolveCategory,
  }),
  priority: valueField({
    name: 'priority',
    get: (i) => i.priorityId,
    resolve: resolvePriority,
    rank: priorityRank,
    sort: () => (i) => priorityRank(i.priorityId),
  }),
  resolution: valueField({
    name: 'resolution',
    get: (i) => (i.resolved === null ? null : RESOLUTION_DONE),
    resolve: (value) =>
      value.type === 'value' && value.text.toLowerCase() === 'unresolved'
        ? ['\u0000']
        : [RESOLUTION_DONE],
  }),
  assignee: userField('assignee', (i) => i.assigneeId),
  reporter: userField('reporter', (i) => i.reporterId),
  creator: userField('creator', (i) => i.creatorId),
  created: dateField('created', (i) => i.created),
  updated: dateField('updated', (i) => i.updated),
  resolved: dateField('resolved', (i) => i.resolved),
  statuscategorychangeddate: dateField('statusCategoryChangedDate', (i) => i.statusChanged),
  labels: multiValueField({
    name: 'labels',
    get: (i) => i.labels,
    resolve: resolveLiteral('labels'),
  }),
  summary,
  description,
  comment,
  text,
  rank: { name: 'Rank', compile: () => () => true, sort: () => (i) => i.id },
};

const ALIASES: Record<string, string> = {
  type: 'issuetype',
  createddate: 'created',
  updateddate: 'updated',
  resolutiondate: 'resolved',
  issuetypes: 'issuetype',
};

function customSpec(index: number): FieldSpec | undefined {
  const def = CUSTOM_FIELDS[index];
  if (def === undefined) return undefined;
  const name = def.name;
  switch (def.kind) {
    case 'option':
      return valueField({ name, get: (i) => i.custom.team, resolve: resolveTeam });
    case 'multiuser':
      return multiValueField({ name, get: (i) => i.custom.reviewers, resolve: resolveUser(name) });
    case 'number':
      return numberField(name, (i) => i.custom.storyPoints);
    case 'date':
      return dateField(name, (i) =>
        i.custom.reviewDate === null ? null : Date.parse(`${i.custom.reviewDate}T00:00:00Z`),
      );
    case 'text':
      return textField(name, (i) => i.custom.notes ?? '', false);
    case 'labels':
      return multiValueField({ name, get: (i) => i.custom.tags, resolve: resolveLiteral(name) });
  }
}

/** Finds the JQL field a name refers to: system names, aliases, `cf[10012]`, `customfield_10012` or a custom field's name. */
export function findField(name: string): FieldSpec | undefined {
  const lower = name.toLowerCase();
  const system = SYSTEM_FIELDS[ALIASES[lower] ?? lower];
  if (system !== undefined) return system;
  const numeric = /^(?:cf\[(\d+)\]|customfield_(\d+))$/.exec(lower);
  const index = CUSTOM_FIELDS.findIndex((f) =>
    numeric === null
      ? f.name.toLowerCase() === lower
      : String(f.numericId) === (numeric[1] ?? numeric[2]),
  );
  return customSpec(index);
}
