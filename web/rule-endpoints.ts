/** One function per automation-rule API call the web app makes (routes: src/server/routes/rules.ts). */
import { z } from 'zod';
import type { RuleInput, RuleRunView, RuleView } from '../src/shared/automation.ts';
import { RuleRunViewSchema, RuleViewSchema } from '../src/shared/automation.ts';
import { callApi } from './api.ts';

const enc = encodeURIComponent;
const rules = (id: string) => `/api/integrations/${enc(id)}/rules`;

const RuleListSchema = z.object({ items: z.array(RuleViewSchema) });
const RunListSchema = z.object({ items: z.array(RuleRunViewSchema) });
const CreatedRuleSchema = z.object({ rule: RuleViewSchema, signingSecret: z.string() });
const NoContentSchema = z.unknown();

/** An integration's rules. */
export async function listRules(id: string): Promise<RuleView[]> {
  return (await callApi('GET', rules(id), RuleListSchema)).items;
}

/** Creates a rule; the signing secret of its outbound events is answered this once. */
export function createRule(
  id: string,
  input: RuleInput,
): Promise<{ rule: RuleView; signingSecret: string }> {
  return callApi('POST', rules(id), CreatedRuleSchema, input);
}

/** Changes a rule in place; its signing secret and run log stay. */
export function updateRule(id: string, ruleId: string, input: RuleInput): Promise<RuleView> {
  return callApi('PUT', `${rules(id)}/${enc(ruleId)}`, RuleViewSchema, input);
}

/** Deletes a rule and its run log. */
export async function deleteRule(id: string, ruleId: string): Promise<void> {
  await callApi('DELETE', `${rules(id)}/${enc(ruleId)}`, NoContentSchema);
}

/** Runs an API-triggered rule now, on `issueKey` when given. */
export function runRule(id: string, ruleId: string, issueKey: string): Promise<RuleRunView> {
  const body = issueKey === '' ? {} : { issueKey };
  return callApi('POST', `${rules(id)}/${enc(ruleId)}/run`, RuleRunViewSchema, body);
}

/** A rule's runs, newest first. */
export async function listRuleRuns(id: string, ruleId: string): Promise<RuleRunView[]> {
  return (await callApi('GET', `${rules(id)}/${enc(ruleId)}/runs`, RunListSchema)).items;
}
