import type { Kysely } from 'kysely';
import type { IntegrationWebhook } from '../shared/integrations.ts';
import type { Database } from '../storage/schema.ts';
import { findWebhookRow, type WebhookRow } from '../storage/webhooks.ts';

/** Maps a webhook row to what the integration view shows (never the secret). */
export function webhookRowToView(row: WebhookRow): IntegrationWebhook {
  return {
    status: row.status,
    registered: row.status === 'registered',
    receiverUrl: row.receiver_url,
    lastDeliveryAt: row.last_delivery_at,
    lastCheckedAt: row.last_checked_at,
    refused: row.refused,
    error: row.error,
  };
}

/** The integration's webhook as the API shows it; null before any setup or delivery. */
export async function integrationWebhookView(
  db: Kysely<Database>,
  integrationId: string,
): Promise<IntegrationWebhook | null> {
  const row = await findWebhookRow(db, integrationId);
  return row === undefined ? null : webhookRowToView(row);
}
