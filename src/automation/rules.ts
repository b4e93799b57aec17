import { randomBytes, randomUUID } from 'node:crypto';
import type { AuditActor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record.ts';
import type { IntegrationCoreDeps } from '../integrations/deps.ts';
import { credentialAad, decryptSecret, encryptSecret } from '../secrets/index.ts';
import { notFound } from '../server/errors.ts';
import {
  RuleActionSchema,
  RuleTriggerSchema,
  type RuleInput,
  type RuleRunView,
  type RuleView,
} from '../shared/automation.ts';
import {
  deleteRule,
  findRule,
  insertRule,
  listRules,
  listRuns,
  updateRuleRow,
  type RuleRow,
  type RunRow,
} from '../storage/automation.ts';
import { findIntegration } from '../storage/integrations.ts';
import { z } from 'zod';
import { ActionResultSchema } from '../shared/automation.ts';

/** Maps a stored rule to its view (never the signing secret). */
export function ruleRowToView(row: RuleRow): RuleView {
  return {
    id: row.id,
    integrationId: row.integration_id,
    name: row.name,
    enabled: row.enabled === 1,
    trigger: RuleTriggerSchema.parse(JSON.parse(row.trigger_json)),
    actions: z.array(RuleActionSchema).parse(JSON.parse(row.actions_json)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Maps a stored run to its view. */
export function runRowToView(row: RunRow): RuleRunView {
  return {
    id: row.id,
    ruleId: row.rule_id,
    trigger: row.trigger_ref,
    issueKey: row.issue_key,
    status: row.status,
    results: z.array(ActionResultSchema).parse(JSON.parse(row.results_json)),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** The associated data binding a rule's signing secret to the rule (also for key rotation). */
export function ruleSecretAad(ruleId: string): string {
  return credentialAad(ruleId, 'rule_secret');
}

/** The key that signs a rule's outbound events; null when no key held opens it. */
export function openRuleSecret(deps: IntegrationCoreDeps, row: RuleRow): string | null {
  const secret = decryptSecret(deps.keys.current(), row.secret_ciphertext, ruleSecretAad(row.id));
  return secret.ok ? secret.value : null;
}

/** Creates a rule (audited); the signing secret of its outbound events is answered this once. */
export async function createRule(
  deps: IntegrationCoreDeps,
  actor: AuditActor,
  integrationId: string,
  input: RuleInput,
): Promise<{ rule: RuleView; signingSecret: string }> {
  if ((await findIntegration(deps.db, integrationId)) === undefined)
    throw notFound('The integration');
  const id = randomUUID();
  const signingSecret = randomBytes(32).toString('base64url');
  const at = deps.now().toISOString();
  const row: RuleRow = {
    id,
    integration_id: integrationId,
    name: input.name,
    enabled: input.enabled ? 1 : 0,
    trigger_json: JSON.stringify(input.trigger),
    actions_json: JSON.stringify(input.actions),
    secret_ciphertext: encryptSecret(deps.keys.current(), signingSecret, ruleSecretAad(id)),
    created_at: at,
    updated_at: at,
  };
  await insertRule(deps.db, row);
  await recordAudit(deps, {
    actor,
    integrationId,
    action: 'rule.create',
    target: id,
    input: { ...input },
    outcome: { ok: true },
  });
  return { rule: ruleRowToView(row), signingSecret };
}

/** An integration's rules. */
export async function listRuleViews(
  deps: Pick<IntegrationCoreDeps, 'db'>,
  integrationId: string,
): Promise<RuleView[]> {
  return (await listRules(deps.db, integrationId)).map(ruleRowToView);
}

/** One rule's row; 404 when it is not a rule of this integration. */
export async function getRuleRow(
  deps: Pick<IntegrationCoreDeps, 'db'>,
  integrationId: string,
  ruleId: string,
): Promise<RuleRow> {
  const row = await findRule(deps.db, integrationId, ruleId);
  if (row === undefined) throw notFound('The rule');
  return row;
}

/** Changes a rule's name, switch, trigger and actions (audited); its signing secret stays. */
export async function updateRule(
  deps: Pick<IntegrationCoreDeps, 'db' | 'now'>,
  actor: AuditActor,
  integrationId: string,
  ruleId: string,
  input: RuleInput,
): Promise<RuleView> {
  const changed = await updateRuleRow(deps.db, integrationId, ruleId, {
    name: input.name,
    enabled: input.enabled ? 1 : 0,
    trigger_json: JSON.stringify(input.trigger),
    actions_json: JSON.stringify(input.actions),
    updated_at: deps.now().toISOString(),
  });
  if (!changed) throw notFound('The rule');
  await recordAudit(deps, {
    actor,
    integrationId,
    action: 'rule.update',
    target: ruleId,
    input: { ...input },
    outcome: { ok: true },
  });
  return ruleRowToView(await getRuleRow(deps, integrationId, ruleId));
}

/** Deletes a rule and its run log (audited). */
export async function removeRule(
  deps: Pick<IntegrationCoreDeps, 'db' | 'now'>,
  actor: AuditActor,
  integrationId: string,
  ruleId: string,
): Promise<void> {
  if (!(await deleteRule(deps.db, integrationId, ruleId))) throw notFound('The rule');
  await recordAudit(deps, {
    actor,
    integrationId,
    action: 'rule.delete',
    target: ruleId,
    input: {},
    outcome: { ok: true },
  });
}

/** A rule's runs, newest first. */
export async function listRunViews(
  deps: Pick<IntegrationCoreDeps, 'db'>,
  integrationId: string,
  ruleId: string,
): Promise<RuleRunView[]> {
  const rule = await getRuleRow(deps, integrationId, ruleId);
  return (await listRuns(deps.db, rule.id)).map(runRowToView);
}
