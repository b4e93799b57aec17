/** The rule editor's draft and how it becomes the API's rule input (src/shared/automation.ts). */
import type { EventFilter, RuleAction, RuleInput, RuleView } from '../src/shared/automation.ts';
import type { RULE_EVENTS } from '../src/shared/automation.ts';

export type RuleEvent = (typeof RULE_EVENTS)[number];
export type ActionType = RuleAction['type'];

/** One action as typed: every kind's inputs, so switching kinds keeps what was typed. */
export interface ActionDraft {
  key: number;
  type: ActionType;
  body: string;
  toStatus: string;
  projectKey: string;
  issueTypeId: string;
  summary: string;
  /** Fields of a create_issue action set through the API, kept as they are when the rule is edited. */
  otherFields: Record<string, unknown>;
  url: string;
}

export interface RuleDraft {
  name: string;
  enabled: boolean;
  triggerType: 'event' | 'api';
  events: RuleEvent[];
  filter: Required<{ [K in keyof EventFilter]: string }>;
  actions: ActionDraft[];
}

export const FILTER_FIELDS = [
  ['project', 'Project key'],
  ['issueType', 'Issue type'],
  ['statusFrom', 'Status from'],
  ['statusTo', 'Status to'],
  ['label', 'Label'],
] as const satisfies readonly (readonly [keyof EventFilter, string])[];

export const EVENT_LABELS: Record<RuleEvent, string> = {
  'jira:issue_created': 'Issue created',
  'jira:issue_updated': 'Issue updated',
  'jira:issue_deleted': 'Issue deleted',
  comment_created: 'Comment added',
  comment_updated: 'Comment edited',
  comment_deleted: 'Comment deleted',
};

export const ACTION_LABELS: Record<ActionType, string> = {
  comment: 'Comment on the issue',
  transition: 'Move the issue',
  create_issue: 'Create an issue',
  post_event: 'Post an event to a URL',
};

/** A new, empty action of `type`. */
export function newAction(key: number, type: ActionType = 'comment'): ActionDraft {
  return {
    key,
    type,
    body: '',
    toStatus: '',
    projectKey: '',
    issueTypeId: '',
    summary: '',
    otherFields: {},
    url: '',
  };
}

/** The editor's starting point for a new rule. */
export function emptyDraft(): RuleDraft {
  return {
    name: '',
    enabled: true,
    triggerType: 'event',
    events: ['jira:issue_created'],
    filter: { project: '', issueType: '', statusFrom: '', statusTo: '', label: '' },
    actions: [newAction(0)],
  };
}

/** The editor's starting point for changing `rule`. */
export function draftOf(rule: RuleView): RuleDraft {
  const empty = emptyDraft();
  const { trigger } = rule;
  return {
    name: rule.name,
    enabled: rule.enabled,
    triggerType: trigger.type,
    events: trigger.type === 'event' ? trigger.events : empty.events,
    filter: trigger.type === 'event' ? filterDraft(trigger.filter) : empty.filter,
    actions: rule.actions.map((action, key) => ({ ...newAction(key), ...fromAction(action) })),
  };
}

function filterDraft(filter: EventFilter): RuleDraft['filter'] {
  return {
    project: filter.project ?? '',
    issueType: filter.issueType ?? '',
    statusFrom: filter.statusFrom ?? '',
    statusTo: filter.statusTo ?? '',
    label: filter.label ?? '',
  };
}

function fromAction(action: RuleAction): Partial<ActionDraft> {
  if (action.type !== 'create_issue') return action;
  const { summary, ...otherFields } = action.fields;
  return {
    type: action.type,
    projectKey: action.projectKey,
    issueTypeId: action.issueTypeId,
    summary: typeof summary === 'string' ? summary : '',
    otherFields,
  };
}

function toAction(draft: ActionDraft): RuleAction {
  switch (draft.type) {
    case 'comment':
      return { type: 'comment', body: draft.body };
    case 'transition':
      return { type: 'transition', toStatus: draft.toStatus.trim() };
    case 'create_issue':
      return {
        type: 'create_issue',
        projectKey: draft.projectKey.trim(),
        issueTypeId: draft.issueTypeId.trim(),
        fields: { ...draft.otherFields, summary: draft.summary },
      };
    case 'post_event':
      return { type: 'post_event', url: draft.url.trim() };
  }
}

/** The API input for `draft`; empty filter fields are left out (they match anything). */
export function toRuleInput(draft: RuleDraft): RuleInput {
  const filter = Object.fromEntries(
    Object.entries(draft.filter)
      .map(([name, value]) => [name, value.trim()] as const)
      .filter(([, value]) => value !== ''),
  );
  return {
    name: draft.name,
    enabled: draft.enabled,
    trigger:
      draft.triggerType === 'api'
        ? { type: 'api' }
        : { type: 'event', events: draft.events, filter },
    actions: draft.actions.map(toAction),
  };
}

/** The id of the control for an API field path (`rule`, `actions.0.url` -> `rule-actions-0-url`). */
export function controlId(prefix: string, path: string): string {
  return `${prefix}-${path.replaceAll('.', '-')}`;
}

/** The API field paths the editor shows beside a control, for `draft` as it is. */
export function knownPaths(draft: RuleDraft): string[] {
  const actionPaths = draft.actions.flatMap((_, i) =>
    ['type', 'body', 'toStatus', 'projectKey', 'issueTypeId', 'fields', 'url'].map(
      (name) => `actions.${i}.${name}`,
    ),
  );
  return [
    'name',
    'trigger.events',
    ...FILTER_FIELDS.map(([name]) => `trigger.filter.${name}`),
    ...actionPaths,
  ];
}
