import type { JiraResult } from '../errors.ts';
import { WebhookListSchema, WebhookSchema, type JiraWebhook } from '../schemas/webhook.ts';
import type { JiraCall, Transport } from '../transport.ts';

/** What registering an admin webhook sends; `jqlFilter` limits issue and comment events. */
export interface WebhookRequest {
  name: string;
  url: string;
  events: readonly string[];
  jqlFilter: string;
  /** Signs deliveries with `X-Hub-Signature` (Cloud admin webhooks, Data Center 10). */
  secret: string;
}

/** Jira's admin webhooks, `/rest/webhooks/1.0/webhook` on Cloud and Server/DC (administrators only). */
export interface WebhookEndpoints {
  /** `GET webhook`: every admin webhook of the site. */
  listWebhooks(): Promise<JiraResult<JiraWebhook[]>>;
  /** `POST webhook` → 201 with the registered webhook. Never retried on network errors. */
  registerWebhook(request: WebhookRequest): Promise<JiraResult<JiraWebhook>>;
  /** `DELETE webhook/{id}` → 204. */
  deleteWebhook(id: string): Promise<JiraResult<undefined>>;
}

const ROOT = ['webhooks', '1.0'];

/** Binds the webhook endpoints to a transport. */
export function webhookEndpoints(transport: Transport): WebhookEndpoints {
  const call = (c: Omit<JiraCall, 'root'>): JiraCall => ({ ...c, root: ROOT });
  return {
    listWebhooks: () =>
      transport.json(
        call({ method: 'GET', segments: ['webhook'], idempotent: true }),
        WebhookListSchema,
      ),
    registerWebhook: (request) =>
      transport.json(
        call({
          method: 'POST',
          segments: ['webhook'],
          body: {
            name: request.name,
            url: request.url,
            events: request.events,
            filters: { 'issue-related-events-section': request.jqlFilter },
            excludeBody: false,
            secret: request.secret,
          },
          idempotent: false,
        }),
        WebhookSchema,
      ),
    deleteWebhook: (id) =>
      transport.empty(call({ method: 'DELETE', segments: ['webhook', id], idempotent: true })),
  };
}
