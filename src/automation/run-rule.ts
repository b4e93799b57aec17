import { randomUUID } from 'node:crypto';
import { commentIssue } from '../actions/comment-issue.ts';
import { createIssue } from '../actions/create-issue.ts';
import { listTransitions, transitionIssue } from '../actions/transition-issue.ts';
import type { AuditActor } from '../audit/actor.ts';
import type { IntegrationCoreDeps } from '../integrations/deps.ts';
import type { ActionResult, RuleAction, RuleRunView } from '../shared/automation.ts';
import { finishRun, findRun, startRun, type RuleRow } from '../storage/automation.ts';
import { commentWriteMarker, issueWriteMarker, markWrites, whileWriting } from './own-writes.ts';
import { postSignedEvent } from './outbound.ts';
import { openRuleSecret, ruleRowToView, runRowToView } from './rules.ts';

/** What set a run off: a Jira event (by delivery) or an API call, and the issue it is about. */
export interface RunTrigger {
  /** `event:<delivery identifier>` or `api:<id>`; a rule runs once per ref. */
  ref: string;
  issue: { id: string | null; key: string } | null;
  /** The Jira event, passed on to outbound URLs. */
  event: unknown;
}

type Done = { result: ActionResult; markers: string[] };

async function runAction(
  deps: IntegrationCoreDeps,
  rule: RuleRow,
  action: RuleAction,
  trigger: RunTrigger,
): Promise<Done> {
  const actor: AuditActor = { type: 'rule', id: rule.id, label: rule.name };
  const integrationId = rule.integration_id;
  const fail = (detail: string): Done => ({
    result: { action: action.type, ok: false, detail },
    markers: [],
  });
  const issue = trigger.issue;
  switch (action.type) {
    case 'comment': {
      if (issue === null) return fail('No issue to comment on.');
      const added = await commentIssue(deps, actor, integrationId, issue.key, {
        body: action.body,
      });
      return {
        result: { action: action.type, ok: true, detail: `commented on ${issue.key}` },
        markers: [
          commentWriteMarker(added.commentId),
          issueWriteMarker(added.issue.id, added.issue.updated),
        ],
      };
    }
    case 'transition': {
      if (issue === null) return fail('No issue to transition.');
      const wanted = action.toStatus.toLowerCase();
      const transitions = await listTransitions(deps, integrationId, issue.key);
      const transition = transitions.find((t) => t.toStatus?.toLowerCase() === wanted);
      if (transition === undefined)
        return fail(`${issue.key} has no transition to ${action.toStatus} now.`);
      const moved = await transitionIssue(deps, actor, integrationId, issue.key, {
        transitionId: transition.id,
      });
      return {
        result: { action: action.type, ok: true, detail: `moved ${issue.key} to ${moved.status}` },
        markers: [issueWriteMarker(moved.id, moved.updated)],
      };
    }
    case 'create_issue': {
      const created = await createIssue(deps, actor, integrationId, action);
      return {
        result: { action: action.type, ok: true, detail: `created ${created.key}` },
        markers: [issueWriteMarker(created.id, created.updated)],
      };
    }
    case 'post_event': {
      const secret = openRuleSecret(deps, rule);
      if (secret === null) return fail('The rule’s signing secret cannot be decrypted.');
      const sent = await postSignedEvent(deps, action.url, secret, {
        rule: { id: rule.id, name: rule.name },
        integrationId,
        trigger: trigger.ref,
        issue: trigger.issue,
        event: trigger.event,
        sentAt: deps.now().toISOString(),
      });
      return { result: { action: action.type, ...sent }, markers: [] };
    }
  }
}

/**
 * Runs a rule's actions in order for one trigger, at most once per trigger (the run row is unique
 * per rule and trigger), stopping at the first failed action. Every write is marked as the
 * rule's own, so the webhooks it causes trigger no rule. Returns the run, or null if it ran before.
 */
export async function runRule(
  deps: IntegrationCoreDeps,
  rule: RuleRow,
  trigger: RunTrigger,
): Promise<RuleRunView | null> {
  const runId = randomUUID();
  const started = await startRun(deps.db, {
    id: runId,
    rule_id: rule.id,
    trigger_ref: trigger.ref,
    issue_key: trigger.issue?.key ?? null,
    started_at: deps.now().toISOString(),
  });
  if (!started) return null;
  const results: ActionResult[] = [];
  await whileWriting(deps, rule.integration_id, runId, async () => {
    for (const action of ruleRowToView(rule).actions) {
      let done: Done;
      try {
        done = await runAction(deps, rule, action, trigger);
      } catch (error) {
        deps.logger.warn(
          { ruleId: rule.id, action: action.type, err: error },
          'rule action failed',
        );
        done = {
          result: {
            action: action.type,
            ok: false,
            detail: error instanceof Error ? error.message : 'failed',
          },
          markers: [],
        };
      }
      await markWrites(deps, rule.integration_id, done.markers);
      results.push(done.result);
      if (!done.result.ok) break;
    }
  });
  await finishRun(deps.db, runId, {
    status: results.every((r) => r.ok) ? 'succeeded' : 'failed',
    results_json: JSON.stringify(results),
    finished_at: deps.now().toISOString(),
  });
  const run = await findRun(deps.db, runId);
  return run === undefined ? null : runRowToView(run);
}
