/** The automation rules contract (issue 7): triggers, actions, rules and runs, as zod schemas. */
import { z } from 'zod';

/** The Jira events a rule can react to. */
export const RULE_EVENTS = [
  'jira:issue_created',
  'jira:issue_updated',
  'jira:issue_deleted',
  'comment_created',
  'comment_updated',
  'comment_deleted',
] as const;

/** Which events match: every given condition must hold (statuses by name, from the changelog). */
export const EventFilterSchema = z.object({
  project: z.string().min(1).optional(),
  issueType: z.string().min(1).optional(),
  statusFrom: z.string().min(1).optional(),
  statusTo: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
});

/** A Jira event matching a filter, or a call to `POST /api/integrations/:id/rules/:ruleId/run`. */
export const RuleTriggerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('event'),
    events: z.array(z.enum(RULE_EVENTS)).min(1),
    filter: EventFilterSchema.default({}),
  }),
  z.object({ type: z.literal('api') }),
]);

/** What a rule does, in order; comment and transition act on the triggering issue. */
export const RuleActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('comment'), body: z.string().trim().min(1).max(10_000) }),
  z.object({ type: z.literal('transition'), toStatus: z.string().min(1) }),
  z.object({
    type: z.literal('create_issue'),
    projectKey: z.string().min(1),
    issueTypeId: z.string().min(1),
    fields: z.record(z.string(), z.unknown()),
  }),
  z.object({ type: z.literal('post_event'), url: z.url({ protocol: /^https?$/ }) }),
]);

/** The body of `POST /api/integrations/:id/rules`. */
export const RuleInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  enabled: z.boolean().default(true),
  trigger: RuleTriggerSchema,
  actions: z.array(RuleActionSchema).min(1).max(10),
});

/** A rule as the API shows it. */
export const RuleViewSchema = z.object({
  id: z.string(),
  integrationId: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  trigger: RuleTriggerSchema,
  actions: z.array(RuleActionSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** What one action of a run did. */
export const ActionResultSchema = z.object({
  action: z.string(),
  ok: z.boolean(),
  detail: z.string(),
});

/** One run of a rule, with its outcome. */
export const RuleRunViewSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  trigger: z.string(),
  issueKey: z.string().nullable(),
  status: z.enum(['running', 'succeeded', 'failed']),
  results: z.array(ActionResultSchema),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export type EventFilter = z.infer<typeof EventFilterSchema>;
export type RuleTrigger = z.infer<typeof RuleTriggerSchema>;
export type RuleAction = z.infer<typeof RuleActionSchema>;
export type RuleInput = z.infer<typeof RuleInputSchema>;
export type RuleView = z.infer<typeof RuleViewSchema>;
export type ActionResult = z.infer<typeof ActionResultSchema>;
export type RuleRunView = z.infer<typeof RuleRunViewSchema>;
