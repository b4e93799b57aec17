import type { RuleTrigger } from '../shared/automation.ts';

/** What a rule's filter looks at: the event, the issue as it is now, and a status change if any. */
export interface EventFacts {
  event: string;
  projectKey: string | null;
  issueType: string | null;
  labels: readonly string[];
  statusChange: { from: string | null; to: string | null } | null;
}

const same = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/** Whether an event trigger matches: the event is listed and every condition of the filter holds. */
export function matchesTrigger(trigger: RuleTrigger, facts: EventFacts): boolean {
  if (trigger.type !== 'event') return false;
  if (!trigger.events.some((event) => event === facts.event)) return false;
  const { project, issueType, label, statusFrom, statusTo } = trigger.filter;
  if (project !== undefined && !same(facts.projectKey, project)) return false;
  if (issueType !== undefined && !same(facts.issueType, issueType)) return false;
  if (label !== undefined && !facts.labels.includes(label)) return false;
  if (statusFrom === undefined && statusTo === undefined) return true;
  const change = facts.statusChange;
  if (change === null) return false;
  if (statusFrom !== undefined && !same(change.from, statusFrom)) return false;
  return statusTo === undefined || same(change.to, statusTo);
}
