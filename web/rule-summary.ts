/** One-line descriptions of a rule's trigger and actions, for the rules list. */
import type { RuleAction, RuleTrigger } from '../src/shared/automation.ts';
import { EVENT_LABELS } from './rule-form.ts';

/** "Issue created, Issue updated · project OWL, status to Done", or "API call". */
export function describeTrigger(trigger: RuleTrigger): string {
  if (trigger.type === 'api') return 'API call (Run now)';
  const events = trigger.events.map((event) => EVENT_LABELS[event]).join(', ');
  const { project, issueType, statusFrom, statusTo, label } = trigger.filter;
  const conditions = [
    project === undefined ? null : `project ${project}`,
    issueType === undefined ? null : `type ${issueType}`,
    statusFrom === undefined ? null : `status from ${statusFrom}`,
    statusTo === undefined ? null : `status to ${statusTo}`,
    label === undefined ? null : `label ${label}`,
  ].filter((condition) => condition !== null);
  return conditions.length === 0 ? events : `${events} · ${conditions.join(', ')}`;
}

/** What one action does, in a few words. */
export function describeAction(action: RuleAction): string {
  switch (action.type) {
    case 'comment':
      return `Comment “${action.body.length > 60 ? `${action.body.slice(0, 60)}…` : action.body}”`;
    case 'transition':
      return `Move to ${action.toStatus}`;
    case 'create_issue':
      return `Create an issue in ${action.projectKey} (type ${action.issueTypeId})`;
    case 'post_event':
      return `Post an event to ${action.url}`;
  }
}

/** What started a run, from its trigger reference (`api:<uuid>` or `event:<webhook identifier>`). */
export function describeRunTrigger(ref: string): string {
  if (ref.startsWith('api:')) return 'Run by API';
  if (ref.startsWith('event:')) return 'Jira event';
  return ref;
}
