import { ISSUE_TYPES, PRIORITIES, STATUSES, findCategory, findStatus } from '../domain/catalog.ts';
import type { IssueRecord } from '../domain/model.ts';
import type { SandboxRuntime } from '../runtime.ts';

/** An issue as the sandbox holds it: the truth tests compare a mirror against. Dates are epoch ms. */
export interface SandboxIssue {
  readonly id: string;
  readonly key: string;
  readonly projectKey: string;
  readonly summary: string;
  readonly status: string;
  readonly statusCategory: string;
  readonly issueType: string;
  readonly priority: string;
  readonly assigneeId: string | null;
  readonly reporterId: string;
  readonly labels: readonly string[];
  readonly parentKey: string | null;
  readonly created: number;
  readonly updated: number;
  readonly commentCount: number;
}

/** Changes a test can make to an issue; `updated` defaults to now. */
export interface IssueChanges {
  readonly summary?: string;
  /** Status name or id. */
  readonly status?: string;
  /** Priority name or id. */
  readonly priority?: string;
  readonly assigneeId?: string | null;
  readonly labels?: readonly string[];
  readonly updated?: number;
}

/** What a test gives to create an issue; the rest gets defaults. */
export interface NewIssue {
  readonly projectKey: string;
  readonly summary: string;
  readonly issueType?: string;
  readonly status?: string;
  readonly priority?: string;
  readonly assigneeId?: string | null;
  readonly labels?: readonly string[];
  readonly parentKey?: string;
  readonly created?: number;
}

function byNameOrId<T extends { readonly id: string; readonly name: string }>(
  items: readonly T[],
  wanted: string,
  what: string,
): T {
  const found = items.find(
    (item) => item.id === wanted || item.name.toLowerCase() === wanted.toLowerCase(),
  );
  if (found === undefined) throw new Error(`Unknown ${what}: ${wanted}`);
  return found;
}

/** A plain snapshot of an issue record. */
export function snapshotIssue(runtime: SandboxRuntime, issue: IssueRecord): SandboxIssue {
  const status = findStatus(issue.statusId);
  const parent = issue.parentId === null ? undefined : runtime.store.issueById(issue.parentId);
  return {
    id: String(issue.id),
    key: issue.key,
    projectKey: runtime.store.projectById(issue.projectId)?.key ?? '',
    summary: issue.summary,
    status: status?.name ?? '',
    statusCategory: findCategory(status?.categoryId ?? 0)?.key ?? '',
    issueType: ISSUE_TYPES.find((t) => t.id === issue.issueTypeId)?.name ?? '',
    priority: PRIORITIES.find((p) => p.id === issue.priorityId)?.name ?? '',
    assigneeId: issue.assigneeId,
    reporterId: issue.reporterId,
    labels: [...issue.labels],
    parentKey: parent?.key ?? null,
    created: issue.created,
    updated: issue.updated,
    commentCount: issue.comments?.length ?? issue.generatedComments,
  };
}

/** Finds an issue by id or key (old keys included), or throws: a test asking for a missing issue is a bug. */
export function mustFindIssue(runtime: SandboxRuntime, idOrKey: string): IssueRecord {
  const issue = runtime.store.findIssue(idOrKey);
  if (issue === undefined) throw new Error(`No issue ${idOrKey} in the sandbox`);
  return issue;
}

/** Applies test changes to an issue. */
export function changeIssue(
  runtime: SandboxRuntime,
  idOrKey: string,
  changes: IssueChanges,
): SandboxIssue {
  const issue = mustFindIssue(runtime, idOrKey);
  const now = changes.updated ?? runtime.now();
  const status =
    changes.status === undefined ? undefined : byNameOrId(STATUSES, changes.status, 'status');
  runtime.store.updateIssue(
    issue,
    {
      ...(changes.summary === undefined ? {} : { summary: changes.summary }),
      ...(status === undefined
        ? {}
        : {
            statusId: status.id,
            statusChanged: now,
            resolved: status.categoryId === 3 ? now : null,
          }),
      ...(changes.priority === undefined
        ? {}
        : { priorityId: byNameOrId(PRIORITIES, changes.priority, 'priority').id }),
      ...(changes.assigneeId === undefined ? {} : { assigneeId: changes.assigneeId }),
      ...(changes.labels === undefined ? {} : { labels: [...changes.labels] }),
    },
    now,
  );
  return snapshotIssue(runtime, issue);
}

/** Creates an issue as a test describes it. */
export function addIssue(runtime: SandboxRuntime, input: NewIssue): SandboxIssue {
  const project = runtime.store.findProject(input.projectKey);
  if (project === undefined) throw new Error(`No project ${input.projectKey} in the sandbox`);
  const parent = input.parentKey === undefined ? null : mustFindIssue(runtime, input.parentKey);
  const type = byNameOrId(
    ISSUE_TYPES,
    input.issueType ?? (parent === null ? 'Task' : 'Sub-task'),
    'issue type',
  );
  const status = byNameOrId(STATUSES, input.status ?? 'To Do', 'status');
  const created = input.created ?? runtime.now();
  const reporter = runtime.store.users[0]?.id ?? '';
  const issue = runtime.store.createIssue(
    project,
    {
      issueTypeId: type.id,
      statusId: status.id,
      priorityId: byNameOrId(PRIORITIES, input.priority ?? 'Medium', 'priority').id,
      summary: input.summary,
      description: null,
      assigneeId: input.assigneeId ?? null,
      reporterId: reporter,
      creatorId: reporter,
      created,
      updated: created,
      statusChanged: created,
      resolved: status.categoryId === 3 ? created : null,
      labels: [...(input.labels ?? [])],
      parentId: parent?.id ?? null,
      custom: {
        team: null,
        reviewers: [],
        storyPoints: null,
        reviewDate: null,
        notes: null,
        tags: [],
      },
    },
    runtime.now(),
  );
  return snapshotIssue(runtime, issue);
}
