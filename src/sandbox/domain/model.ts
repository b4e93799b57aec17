/** The sandbox's internal records: compact, flavour-neutral truth from which Jira JSON is rendered. */

/** Which Jira the sandbox imitates. */
export type Flavor = 'cloud' | 'datacenter';

/** One block of a rich-text document, rendered as ADF in v3 and wiki markup in v2. */
export type DocBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly strong?: string }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  | { readonly kind: 'code'; readonly text: string };

/** A Jira user; `id` is the accountId on Cloud and the user key on Data Center. */
export interface UserRecord {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly email: string;
  readonly timeZone: string;
  readonly active: boolean;
}

/** A project and the issue-number counter its new keys come from. */
export interface ProjectRecord {
  readonly id: number;
  readonly key: string;
  readonly name: string;
  readonly leadId: string;
  nextNumber: number;
}

/** A comment on an issue. */
export interface CommentRecord {
  readonly id: number;
  readonly authorId: string;
  body: readonly DocBlock[];
  readonly created: number;
  updated: number;
}

/** Values of the sandbox's custom fields, keyed by field id. */
export interface CustomValues {
  team: string | null;
  reviewers: readonly string[];
  storyPoints: number | null;
  reviewDate: string | null;
  notes: string | null;
  tags: readonly string[];
}

/** An issue; dates are epoch milliseconds. */
export interface IssueRecord {
  readonly id: number;
  key: string;
  projectId: number;
  issueTypeId: string;
  statusId: string;
  priorityId: string;
  summary: string;
  description: readonly DocBlock[] | null;
  assigneeId: string | null;
  reporterId: string;
  readonly creatorId: string;
  readonly created: number;
  updated: number;
  statusChanged: number;
  resolved: number | null;
  labels: readonly string[];
  parentId: number | null;
  custom: CustomValues;
  /** Comments are generated on first use, so 100,000 issues start fast. */
  comments: CommentRecord[] | null;
  readonly generatedComments: number;
}
