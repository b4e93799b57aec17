import { createHmac, randomUUID } from 'node:crypto';
import type { StoreEvent } from '../domain/store.ts';

/** A registered webhook, as `/rest/webhooks/1.0/webhook` stores it. */
export interface WebhookRegistration {
  readonly id: number;
  readonly name: string;
  readonly url: string;
  readonly events: readonly string[];
  /** JQL that issue events must match (Jira's "issue-related-events-section" filter). */
  readonly jqlFilter: string;
  /** When set, deliveries carry `X-Hub-Signature: sha256=<HMAC of the body>` (Cloud). */
  readonly secret: string | null;
}

/** What happened to one delivery. */
export interface WebhookDelivery {
  readonly webhookId: number;
  readonly event: string;
  readonly url: string;
  readonly body: unknown;
  readonly status: number | null;
  readonly error: string | null;
}

/** Turns a store event into a webhook event name and payload, or null if it is filtered out. */
export type PayloadBuilder = (
  event: StoreEvent,
  registration: WebhookRegistration,
) => { name: string; body: unknown } | null;

/** Registered webhooks and their deliveries, sent in order, one at a time, as Jira does per webhook. */
export class WebhookHub {
  readonly registrations: WebhookRegistration[] = [];
  readonly deliveries: WebhookDelivery[] = [];
  private nextId = 1;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly build: PayloadBuilder) {}

  /** Registers a webhook. */
  register(input: Omit<WebhookRegistration, 'id'>): WebhookRegistration {
    const registration = { ...input, id: this.nextId++ };
    this.registrations.push(registration);
    return registration;
  }

  /** Removes a webhook; false if there was none with this id. */
  remove(id: number): boolean {
    const index = this.registrations.findIndex((r) => r.id === id);
    if (index < 0) return false;
    this.registrations.splice(index, 1);
    return true;
  }

  /** Queues deliveries for a store event. */
  handle(event: StoreEvent): void {
    for (const registration of this.registrations) {
      const payload = this.build(event, registration);
      if (payload === null || !registration.events.includes(payload.name)) continue;
      this.queue = this.queue.then(() => this.send(registration, payload.name, payload.body));
    }
  }

  /** Resolves once every queued delivery has been attempted. */
  flush(): Promise<void> {
    return this.queue;
  }

  private async send(
    registration: WebhookRegistration,
    event: string,
    body: unknown,
  ): Promise<void> {
    const text = JSON.stringify(body);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      'User-Agent': 'Atlassian Webhook HTTP Client',
      'X-Atlassian-Webhook-Identifier': randomUUID(),
    };
    if (registration.secret !== null) {
      headers['X-Hub-Signature'] =
        `sha256=${createHmac('sha256', registration.secret).update(text).digest('hex')}`;
    }
    const record = { webhookId: registration.id, event, url: registration.url, body };
    try {
      const response = await fetch(registration.url, {
        method: 'POST',
        headers,
        body: text,
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      this.deliveries.push({ ...record, status: response.status, error: null });
    } catch (error) {
      this.deliveries.push({
        ...record,
        status: null,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
