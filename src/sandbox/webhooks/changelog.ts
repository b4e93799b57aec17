import { PRIORITIES, findStatus } from '../domain/catalog.ts';
import type { IssueRecord } from '../domain/model.ts';
import type { SandboxStore } from '../domain/store.ts';

/** One changed field, as Jira's changelog lists it. */
export interface ChangeItem {
  readonly field: string;
  readonly fieldtype: 'jira';
  readonly fieldId: string;
  readonly from: string | null;
  readonly fromString: string | null;
  readonly to: string | null;
  readonly toString: string | null;
}

type Describe = (
  issue: IssueRecord,
  store: SandboxStore,
) => readonly [string | null, string | null];

const FIELDS: readonly (readonly [string, string, Describe])[] = [
  ['summary', 'summary', (i) => [null, i.summary]],
  ['status', 'status', (i) => [i.statusId, findStatus(i.statusId)?.name ?? null]],
  [
    'priority',
    'priority',
    (i) => [i.priorityId, PRIORITIES.find((p) => p.id === i.priorityId)?.name ?? null],
  ],
  [
    'assignee',
    'assignee',
    (i, s) => [
      i.assigneeId,
      i.assigneeId === null ? null : (s.userById(i.assigneeId)?.displayName ?? null),
    ],
  ],
  ['labels', 'labels', (i) => [null, i.labels.join(' ')]],
  ['Key', 'issuekey', (i) => [null, i.key]],
  ['project', 'project', (i, s) => [String(i.projectId), s.projectById(i.projectId)?.name ?? null]],
];

/** The changelog items between two states of an issue. */
export function changeItems(
  before: IssueRecord,
  after: IssueRecord,
  store: SandboxStore,
): ChangeItem[] {
  const items: ChangeItem[] = [];
  for (const [field, fieldId, describe] of FIELDS) {
    const [from, fromString] = describe(before, store);
    const [to, toString] = describe(after, store);
    if (from !== to || fromString !== toString)
      items.push({ field, fieldtype: 'jira', fieldId, from, fromString, to, toString });
  }
  return items;
}
