import type { IntegrationCoreDeps } from '../integrations/deps.ts';
import { RuleTriggerSchema } from '../shared/automation.ts';
import { findIssueFacts, listRules } from '../storage/automation.ts';
import type { WebhookPayload } from '../webhooks/payload.ts';
import { matchesTrigger, type EventFacts } from './match.ts';
import { ruleCausedEvent } from './own-writes.ts';
import { runRule } from './run-rule.ts';

/** Thrown while a rule is writing to the integration: the event may be its own, so ask again later. */
export class RuleWriteInProgressError extends Error {
  constructor() {
    super('a rule is writing to Jira; the event is evaluated again once it is done');
    this.name = 'RuleWriteInProgressError';
  }
}

async function factsOf(
  deps: IntegrationCoreDeps,
  integrationId: string,
  payload: WebhookPayload,
): Promise<EventFacts> {
  const status = payload.changelog?.items.find((item) => item.field === 'status');
  const row =
    payload.issue === undefined
      ? undefined
      : await findIssueFacts(deps.db, integrationId, payload.issue.id);
  return {
    event: payload.webhookEvent,
    projectKey: row?.project_key ?? null,
    issueType: row?.issue_type ?? null,
    labels: row === undefined ? [] : labelsOf(row.labels_json),
    statusChange:
      status === undefined
        ? null
        : { from: status.fromString ?? null, to: status.toString ?? null },
  };
}

function labelsOf(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Runs every enabled rule of the integration whose trigger matches a processed delivery, once per
 * delivery; an event caused by a rule's own write runs nothing.
 */
export async function runRulesForEvent(
  deps: IntegrationCoreDeps,
  integrationId: string,
  identifier: string,
  payload: WebhookPayload,
): Promise<number> {
  const rules = (await listRules(deps.db, integrationId)).filter((rule) => rule.enabled === 1);
  const listening = rules.filter((rule) => {
    const trigger = RuleTriggerSchema.parse(JSON.parse(rule.trigger_json));
    return trigger.type === 'event' && trigger.events.some((e) => e === payload.webhookEvent);
  });
  if (listening.length === 0) return 0;
  const cause = await ruleCausedEvent(deps.db, integrationId, payload, deps.now());
  if (cause === 'busy') throw new RuleWriteInProgressError();
  if (cause === 'own') return 0;
  const facts = await factsOf(deps, integrationId, payload);
  const issue =
    payload.issue === undefined
      ? null
      : { id: payload.issue.id, key: payload.issue.key ?? payload.issue.id };
  let ran = 0;
  for (const rule of listening) {
    if (!matchesTrigger(RuleTriggerSchema.parse(JSON.parse(rule.trigger_json)), facts)) continue;
    const run = await runRule(deps, rule, { ref: `event:${identifier}`, issue, event: payload });
    if (run !== null) ran += 1;
  }
  return ran;
}
