import type { IssueRecord } from './model.ts';

/** How long changes are remembered: the longest search lag the sandbox can imitate. */
const RETENTION_MS = 10 * 60_000;

interface Change {
  readonly at: number;
  readonly id: number;
  /** The issue as it was just before the change; null if the change created it. */
  readonly before: IssueRecord | null;
}

/**
 * Recent changes to issues, so that search can see the data as it was a moment ago: Cloud's
 * search index is eventually consistent, and a sync must survive that.
 */
export class ChangeLog {
  private changes: Change[] = [];

  /** Remembers an issue's state before a change (null when the change creates it). */
  record(id: number, before: IssueRecord | null, at: number): void {
    this.changes.push({ at, id, before: before === null ? null : { ...before } });
    if (this.changes.length % 1000 === 0)
      this.changes = this.changes.filter((c) => c.at > at - RETENTION_MS);
  }

  /** The issues as they were at `cutoff` (except `fresh` ones, seen as they are): later changes undone, creations hidden, deletions restored. */
  *statesAt(
    cutoff: number,
    current: Iterable<IssueRecord>,
    fresh: ReadonlySet<number>,
  ): Generator<IssueRecord> {
    const earliest = new Map<number, IssueRecord | null>();
    for (const change of this.changes) {
      if (change.at > cutoff && !fresh.has(change.id) && !earliest.has(change.id)) {
        earliest.set(change.id, change.before);
      }
    }
    for (const issue of current) {
      const past = earliest.get(issue.id);
      if (past === undefined) yield issue;
      else if (past !== null) yield past;
      earliest.delete(issue.id);
    }
    for (const past of earliest.values()) if (past !== null) yield past;
  }
}
