/** Fixed Jira configuration shared by every sandbox: statuses, issue types, priorities, custom fields. */

/** A status category as Jira defines them (ids 2, 4, 3 are Jira's own). */
export interface StatusCategory {
  readonly id: number;
  readonly key: 'new' | 'indeterminate' | 'done';
  readonly name: string;
  readonly colorName: string;
}

/** Jira's three status categories. */
export const STATUS_CATEGORIES: readonly StatusCategory[] = [
  { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
  { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  { id: 3, key: 'done', name: 'Done', colorName: 'green' },
];

/** A workflow status. */
export interface StatusDef {
  readonly id: string;
  readonly name: string;
  readonly categoryId: number;
  readonly description: string;
}

/** The statuses of the single workflow every sandbox project uses. */
export const STATUSES: readonly StatusDef[] = [
  { id: '10000', name: 'To Do', categoryId: 2, description: 'Work that has not been started.' },
  { id: '3', name: 'In Progress', categoryId: 4, description: 'Work is being done.' },
  { id: '10001', name: 'In Review', categoryId: 4, description: 'Waiting for review.' },
  { id: '10002', name: 'Done', categoryId: 3, description: 'Work is finished.' },
];

/** An issue type. */
export interface IssueTypeDef {
  readonly id: string;
  readonly name: string;
  readonly subtask: boolean;
  readonly hierarchyLevel: number;
  readonly description: string;
  readonly icon: string;
}

/** Issue types, including a Sub-task type. */
export const ISSUE_TYPES: readonly IssueTypeDef[] = [
  {
    id: '10001',
    name: 'Task',
    subtask: false,
    hierarchyLevel: 0,
    description: 'A small, distinct piece of work.',
    icon: 'task',
  },
  {
    id: '10002',
    name: 'Bug',
    subtask: false,
    hierarchyLevel: 0,
    description: 'A problem or error.',
    icon: 'bug',
  },
  {
    id: '10003',
    name: 'Story',
    subtask: false,
    hierarchyLevel: 0,
    description: 'A user story.',
    icon: 'story',
  },
  {
    id: '10004',
    name: 'Epic',
    subtask: false,
    hierarchyLevel: 1,
    description: 'A big user story that needs to be broken down.',
    icon: 'epic',
  },
  {
    id: '10005',
    name: 'Sub-task',
    subtask: true,
    hierarchyLevel: -1,
    description: 'A small piece of work that is part of a larger task.',
    icon: 'subtask',
  },
];

/** The id of the Sub-task issue type. */
export const SUBTASK_TYPE_ID = '10005';

/** A priority. */
export interface PriorityDef {
  readonly id: string;
  readonly name: string;
  readonly color: string;
}

/** Jira's default priorities, highest first (their order is their JQL order). */
export const PRIORITIES: readonly PriorityDef[] = [
  { id: '1', name: 'Highest', color: '#d04437' },
  { id: '2', name: 'High', color: '#f15C75' },
  { id: '3', name: 'Medium', color: '#f79232' },
  { id: '4', name: 'Low', color: '#707070' },
  { id: '5', name: 'Lowest', color: '#999999' },
];

/** Options of the select custom field "Team". */
export const TEAM_OPTIONS: readonly { readonly id: string; readonly value: string }[] = [
  { id: '10100', value: 'Platform' },
  { id: '10101', value: 'Payments' },
  { id: '10102', value: 'Mobile' },
  { id: '10103', value: 'Growth' },
];

/** Kinds of custom field the sandbox offers; each maps to a Jira custom field type. */
export type CustomKind = 'option' | 'multiuser' | 'number' | 'date' | 'text' | 'labels';

/** A custom field definition. */
export interface CustomFieldDef {
  readonly id: string;
  readonly numericId: number;
  readonly name: string;
  readonly kind: CustomKind;
  readonly valueKey: 'team' | 'reviewers' | 'storyPoints' | 'reviewDate' | 'notes' | 'tags';
}

/** The sandbox's custom fields, one of each common type. */
export const CUSTOM_FIELDS: readonly CustomFieldDef[] = [
  { id: 'customfield_10010', numericId: 10010, name: 'Team', kind: 'option', valueKey: 'team' },
  {
    id: 'customfield_10011',
    numericId: 10011,
    name: 'Reviewers',
    kind: 'multiuser',
    valueKey: 'reviewers',
  },
  {
    id: 'customfield_10012',
    numericId: 10012,
    name: 'Story Points',
    kind: 'number',
    valueKey: 'storyPoints',
  },
  {
    id: 'customfield_10013',
    numericId: 10013,
    name: 'Review date',
    kind: 'date',
    valueKey: 'reviewDate',
  },
  {
    id: 'customfield_10014',
    numericId: 10014,
    name: 'Release notes',
    kind: 'text',
    valueKey: 'notes',
  },
  { id: 'customfield_10015', numericId: 10015, name: 'Tags', kind: 'labels', valueKey: 'tags' },
];

/** Finds a status by id. */
export function findStatus(id: string): StatusDef | undefined {
  return STATUSES.find((s) => s.id === id);
}

/** Finds a status category by id. */
export function findCategory(id: number): StatusCategory | undefined {
  return STATUS_CATEGORIES.find((c) => c.id === id);
}
