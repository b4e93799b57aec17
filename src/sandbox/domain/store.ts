import { ChangeLog } from './change-log.ts';
import { generateComments, generateData, type GenerateOptions } from './generate.ts';
import type { CommentRecord, DocBlock, IssueRecord, ProjectRecord, UserRecord } from './model.ts';

const FIRST_NEW_COMMENT_ID = 900_000_000;

/** A change to the data, as webhooks report it. */
export type StoreEvent =
  | {
      readonly type: 'issue_created' | 'issue_deleted';
      readonly issue: IssueRecord;
      readonly at: number;
    }
  | {
      readonly type: 'issue_updated';
      readonly issue: IssueRecord;
      readonly before: IssueRecord;
      readonly at: number;
    }
  | {
      readonly type: 'comment_created' | 'comment_updated' | 'comment_deleted';
      readonly issue: IssueRecord;
      readonly comment: CommentRecord;
      readonly at: number;
    };

/** The sandbox's mutable truth: projects, users and issues, with old keys of moved issues. */
export class SandboxStore {
  readonly users: UserRecord[];
  readonly projects: ProjectRecord[];
  private readonly issues = new Map<number, IssueRecord>();
  private readonly idsByKey = new Map<string, number>();
  private readonly seed: number;
  private nextIssueId: number;
  private nextCommentId = FIRST_NEW_COMMENT_ID;
  /** Changes search may not see yet (see searchLagMs). */
  readonly changeLog = new ChangeLog();
  /** Called after every change (webhooks listen here). */
  readonly listeners: ((event: StoreEvent) => void)[] = [];
  /** Bumped on every change, so cached orderings know when to recompute. */
  version = 0;
  private children: { version: number; byParent: Map<number, number[]> } | null = null;

  constructor(options: GenerateOptions) {
    const data = generateData(options);
    this.seed = options.seed;
    this.users = data.users;
    this.projects = data.projects;
    for (const issue of data.issues) {
      this.issues.set(issue.id, issue);
      this.idsByKey.set(issue.key, issue.id);
    }
    this.nextIssueId = 10000 + data.issues.length;
  }

  /** Every issue, in id order. */
  allIssues(): IterableIterator<IssueRecord> {
    return this.issues.values();
  }

  /** Number of issues. */
  get issueCount(): number {
    return this.issues.size;
  }

  /** Finds an issue by id or by key, current or former (a moved issue answers to its old key). */
  findIssue(idOrKey: string): IssueRecord | undefined {
    const id = /^\d+$/.test(idOrKey) ? Number(idOrKey) : this.idsByKey.get(idOrKey.toUpperCase());
    return id === undefined ? undefined : this.issues.get(id);
  }

  /** Finds an issue by numeric id. */
  issueById(id: number): IssueRecord | undefined {
    return this.issues.get(id);
  }

  /** Ids of an issue's sub-tasks; the index is rebuilt after changes. */
  childrenOf(parentId: number): readonly number[] {
    if (this.children?.version !== this.version) {
      const byParent = new Map<number, number[]>();
      for (const issue of this.issues.values()) {
        if (issue.parentId !== null)
          byParent.set(issue.parentId, [...(byParent.get(issue.parentId) ?? []), issue.id]);
      }
      this.children = { version: this.version, byParent };
    }
    return this.children.byParent.get(parentId) ?? [];
  }

  /** Finds a project by id or key. */
  findProject(idOrKey: string): ProjectRecord | undefined {
    const upper = idOrKey.toUpperCase();
    return this.projects.find((p) => String(p.id) === idOrKey || p.key === upper);
  }

  /** Finds a project by numeric id. */
  projectById(id: number): ProjectRecord | undefined {
    return this.projects.find((p) => p.id === id);
  }

  /** Finds a user by accountId / key. */
  userById(id: string): UserRecord | undefined {
    return this.users.find((u) => u.id === id);
  }

  /** Finds a user by username (Data Center) or email. */
  userByName(name: string): UserRecord | undefined {
    const lower = name.toLowerCase();
    return this.users.find((u) => u.name === lower || u.email === lower);
  }

  /** Adds a user. */
  addUser(user: UserRecord): void {
    this.users.push(user);
  }

  /** Applies changes to an issue; bumps `updated` unless the changes set it. */
  updateIssue(issue: IssueRecord, changes: Partial<IssueRecord>, now: number): void {
    const before = { ...issue };
    this.changeLog.record(issue.id, issue, now);
    Object.assign(issue, { updated: now }, changes);
    this.version++;
    this.emit({ type: 'issue_updated', issue, before, at: now });
  }

  /** Moves an issue to another project: same id, a new key, the old key still resolves. */
  moveIssue(issue: IssueRecord, project: ProjectRecord, now: number): void {
    const before = { ...issue };
    this.changeLog.record(issue.id, issue, now);
    issue.key = `${project.key}-${project.nextNumber++}`;
    issue.projectId = project.id;
    issue.updated = now;
    this.idsByKey.set(issue.key, issue.id);
    this.version++;
    this.emit({ type: 'issue_updated', issue, before, at: now });
  }

  /** Deletes an issue; its keys stop resolving. */
  deleteIssue(issue: IssueRecord, now: number): void {
    this.changeLog.record(issue.id, issue, now);
    this.issues.delete(issue.id);
    for (const [key, id] of this.idsByKey) if (id === issue.id) this.idsByKey.delete(key);
    this.version++;
    this.emit({ type: 'issue_deleted', issue, at: now });
  }

  /** Creates an issue in a project from the given fields. */
  createIssue(
    project: ProjectRecord,
    fields: Omit<IssueRecord, 'id' | 'key' | 'projectId' | 'comments' | 'generatedComments'>,
    now: number,
  ): IssueRecord {
    const issue: IssueRecord = {
      ...fields,
      id: this.nextIssueId++,
      key: `${project.key}-${project.nextNumber++}`,
      projectId: project.id,
      comments: [],
      generatedComments: 0,
    };
    this.changeLog.record(issue.id, null, now);
    this.issues.set(issue.id, issue);
    this.idsByKey.set(issue.key, issue.id);
    this.version++;
    this.emit({ type: 'issue_created', issue, at: now });
    return issue;
  }

  /** The comments of an issue, generated on first use. */
  commentsOf(issue: IssueRecord): CommentRecord[] {
    issue.comments ??= generateComments(this.seed, issue, this.users, issue.id * 1000);
    return issue.comments;
  }

  /** Adds a comment and bumps the issue's `updated`. */
  addComment(
    issue: IssueRecord,
    authorId: string,
    body: readonly DocBlock[],
    now: number,
  ): CommentRecord {
    const comment: CommentRecord = {
      id: this.nextCommentId++,
      authorId,
      body,
      created: now,
      updated: now,
    };
    this.changeLog.record(issue.id, issue, now);
    this.commentsOf(issue).push(comment);
    issue.updated = now;
    this.version++;
    this.emit({ type: 'comment_created', issue, comment, at: now });
    return comment;
  }

  /** Replaces a comment's body and bumps the issue's `updated`, as an edit does in Jira. */
  updateComment(
    issue: IssueRecord,
    comment: CommentRecord,
    body: readonly DocBlock[],
    now: number,
  ): void {
    this.changeLog.record(issue.id, issue, now);
    comment.body = body;
    comment.updated = now;
    issue.updated = now;
    this.version++;
    this.emit({ type: 'comment_updated', issue, comment, at: now });
  }

  /** Deletes a comment; Jira leaves the issue's `updated` as it was, so only a webhook tells. */
  deleteComment(issue: IssueRecord, comment: CommentRecord, now: number): void {
    const comments = this.commentsOf(issue);
    comments.splice(comments.indexOf(comment), 1);
    this.version++;
    this.emit({ type: 'comment_deleted', issue, comment, at: now });
  }

  private emit(event: StoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
