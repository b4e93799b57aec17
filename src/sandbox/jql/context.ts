import type { IssueRecord } from '../domain/model.ts';
import type { SandboxStore } from '../domain/store.ts';

/** Decides whether one issue matches. */
export type Predicate = (issue: IssueRecord) => boolean;

/** A value an issue is sorted by; null sorts as the largest value, as Jira sorts empty fields. */
export type SortValue = number | string | null;

/** Who searches, and where they are: JQL dates and currentUser() depend on it. */
export interface EvalContext {
  readonly store: SandboxStore;
  readonly timeZone: string;
  readonly currentUserId: string | null;
  readonly now: number;
  readonly canBrowse: (projectId: number) => boolean;
}
