import { createHash } from 'node:crypto';
import type { IntegrationDeps } from '../integrations/deps.ts';
import { findIntegration } from '../storage/integrations.ts';
import { countRefusedDelivery, findWebhookRow, insertDelivery } from '../storage/webhooks.ts';
import { requestProcessing } from './jobs.ts';
import { WebhookPayloadSchema, type WebhookPayload } from './payload.ts';
import { openWebhookSecret } from './secret.ts';
import { signatureMatches } from './signature.ts';

/** A delivery as it arrived: the raw body bytes and the headers that matter. */
export interface IncomingDelivery {
  body: Uint8Array;
  /** `X-Hub-Signature`. */
  signature: string | undefined;
  /** `X-Atlassian-Webhook-Identifier`. */
  identifier: string | undefined;
}

/** What became of a delivery; only `accepted` stored anything. */
export type ReceiveOutcome =
  | { kind: 'accepted'; duplicate: boolean }
  | { kind: 'unknown_integration' }
  | { kind: 'refused'; reason: 'no_secret' | 'unsigned' | 'bad_signature' }
  | { kind: 'malformed' };

/**
 * Authenticates a delivery by its signature over the raw bytes, stores it once per identifier and
 * queues its processing. Refusals are counted on the integration and change nothing else.
 */
export async function receiveDelivery(
  deps: IntegrationDeps,
  integrationId: string,
  delivery: IncomingDelivery,
): Promise<ReceiveOutcome> {
  const integration = await findIntegration(deps.db, integrationId);
  if (integration === undefined) return { kind: 'unknown_integration' };
  const at = deps.now().toISOString();
  const refuse = async (reason: 'no_secret' | 'unsigned' | 'bad_signature') => {
    await countRefusedDelivery(deps.db, integrationId, at);
    deps.logger.warn({ integrationId, reason }, 'webhook delivery refused');
    return { kind: 'refused', reason } as const;
  };
  const webhook = await findWebhookRow(deps.db, integrationId);
  const envelope = webhook?.secret_ciphertext ?? null;
  const secret =
    envelope === null ? null : await openWebhookSecret(deps.keys, integrationId, envelope);
  if (secret === null) return refuse('no_secret');
  if (delivery.signature === undefined) return refuse('unsigned');
  if (!signatureMatches(delivery.body, delivery.signature, secret)) return refuse('bad_signature');

  const payload = parsePayload(delivery.body);
  if (payload === null) return { kind: 'malformed' };
  // Jira always sends an identifier; without one, identical bytes count as the same delivery.
  const identifier =
    delivery.identifier ?? `sha256:${createHash('sha256').update(delivery.body).digest('hex')}`;
  const stored = await insertDelivery(deps.db, {
    integration_id: integrationId,
    identifier,
    event: payload.webhookEvent,
    payload_json: JSON.stringify(payload),
    received_at: at,
  });
  if (stored) await requestProcessing(deps.jobs, integrationId, identifier);
  return { kind: 'accepted', duplicate: !stored };
}

function parsePayload(body: Uint8Array): WebhookPayload | null {
  try {
    const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    const parsed = WebhookPayloadSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  } catch {
    // Not UTF-8 or not JSON: signed by Jira, but nothing OwlHub can read.
    return null;
  }
}
