import type { WebhookStatus } from '../shared/integrations.ts';

export type { WebhookStatus };

/** An integration's admin webhook in Jira, and the deliveries refused for it. */
export interface IntegrationWebhooksTable {
  integration_id: string;
  status: WebhookStatus;
  /** Jira's id of the registered webhook. */
  jira_webhook_id: string | null;
  receiver_url: string | null;
  jql_filter: string | null;
  /** The signing secret in a secrets envelope, bound to this integration. */
  secret_ciphertext: string | null;
  /** Deliveries refused: unsigned, forged, or signed with another secret. */
  refused: number;
  last_delivery_at: string | null;
  last_checked_at: string | null;
  /** Why the webhook is not registered, in words for the integration page. */
  error: string | null;
  updated_at: string;
}

/** One delivery accepted from Jira, stored before it is processed (once, by its identifier). */
export interface WebhookDeliveriesTable {
  integration_id: string;
  /** `X-Atlassian-Webhook-Identifier`, the same on Jira's retries. */
  identifier: string;
  event: string;
  payload_json: string;
  received_at: string;
  processed_at: string | null;
  outcome: string | null;
}

/** The webhook tables, merged into the Database interface. */
export interface WebhookTables {
  integration_webhooks: IntegrationWebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
