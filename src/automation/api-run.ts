import { randomUUID } from 'node:crypto';
import type { IntegrationCoreDeps } from '../integrations/deps.ts';
import { ApiError, notFound } from '../server/errors.ts';
import type { RuleRunView } from '../shared/automation.ts';
import { findIssueByKey } from '../storage/mirror-issue-queries.ts';
import { getRuleRow } from './rules.ts';
import { runRule } from './run-rule.ts';

/** Runs a rule on request (`POST …/rules/:ruleId/run`), on the mirrored issue `issueKey` if given. */
export async function runRuleByApi(
  deps: IntegrationCoreDeps,
  integrationId: string,
  ruleId: string,
  input: { issueKey?: string | undefined },
): Promise<RuleRunView> {
  const rule = await getRuleRow(deps, integrationId, ruleId);
  if (rule.enabled !== 1)
    throw new ApiError('conflict', 'The rule is disabled.', { hint: 'Enable it first.' });
  let issue: { id: string; key: string } | null = null;
  if (input.issueKey !== undefined) {
    const row = await findIssueByKey(deps.db, integrationId, input.issueKey);
    if (row === undefined) throw notFound(`The issue ${input.issueKey}`);
    issue = { id: row.jira_id, key: row.key };
  }
  const ref = `api:${randomUUID()}`;
  const run = await runRule(deps, rule, { ref, issue, event: null });
  if (run === null) throw new ApiError('internal_error', 'The run could not be recorded.');
  return run;
}
