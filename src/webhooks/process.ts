import type { IntegrationDeps } from '../integrations/deps.ts';
import { runRulesForEvent } from '../automation/on-event.ts';
import { findIntegration } from '../storage/integrations.ts';
import { findDelivery, markDeliveryProcessed } from '../storage/webhooks.ts';
import { withJiraClient } from './jira-client.ts';
import { WebhookPayloadSchema } from './payload.ts';
import { deleteMirroredIssue, refreshIssue, type RefreshOutcome } from './refresh-issue.ts';

/** What processing a delivery did. */
export type ProcessOutcome =
  | { kind: 'skipped'; reason: 'unknown' | 'already_processed' | 'no_issue' | 'not_connected' }
  | RefreshOutcome;

/** Thrown so that the job queue retries a delivery Jira could not be asked about just now. */
export class RetryableProcessingError extends Error {
  constructor(readonly outcome: RefreshOutcome) {
    super(`webhook processing failed: ${outcome.kind}`);
    this.name = 'RetryableProcessingError';
  }
}

/**
 * Brings the mirror up to date with one stored delivery: an issue or comment event refetches the
 * issue from Jira (the body may be stale or partial), a deletion removes it. A delivery already
 * processed is skipped, so a replay or a retried job changes nothing twice.
 */
export async function processDelivery(
  deps: IntegrationDeps,
  integrationId: string,
  identifier: string,
): Promise<ProcessOutcome> {
  const delivery = await findDelivery(deps.db, integrationId, identifier);
  if (delivery === undefined) return { kind: 'skipped', reason: 'unknown' };
  if (delivery.processed_at !== null) return { kind: 'skipped', reason: 'already_processed' };
  const at = deps.now().toISOString();
  const outcome = await applyDelivery(deps, integrationId, delivery.payload_json, at);
  if (outcome.kind === 'failed') throw new RetryableProcessingError(outcome);
  await runRulesForEvent(
    deps,
    integrationId,
    identifier,
    WebhookPayloadSchema.parse(JSON.parse(delivery.payload_json)),
  );
  await markDeliveryProcessed(deps.db, integrationId, identifier, at, outcome.kind);
  return outcome;
}

async function applyDelivery(
  deps: IntegrationDeps,
  integrationId: string,
  payloadJson: string,
  at: string,
): Promise<ProcessOutcome> {
  const payload = WebhookPayloadSchema.parse(JSON.parse(payloadJson));
  const issueId = payload.issue?.id;
  if (issueId === undefined) return { kind: 'skipped', reason: 'no_issue' };
  if (payload.webhookEvent === 'jira:issue_deleted')
    return deleteMirroredIssue(deps.db, integrationId, issueId, at);
  const row = await findIntegration(deps.db, integrationId);
  if (row?.status !== 'connected') return { kind: 'skipped', reason: 'not_connected' };
  const refreshed = await withJiraClient(deps, row, (client) =>
    refreshIssue(deps.db, client, integrationId, issueId, at),
  );
  return refreshed ?? { kind: 'skipped', reason: 'not_connected' };
}
