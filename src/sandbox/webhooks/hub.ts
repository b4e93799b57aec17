import { randomUUID } from 'node:crypto';
import type { StoreEvent } from '../domain/store.ts';
import { sendDelivery } from './send.ts';

/** A registered webhook, as `/rest/webhooks/1.0/webhook` stores it. */
export interface WebhookRegistration {
  readonly id: number;
  readonly name: string;
  readonly url: string;
  readonly events: readonly string[];
  /** JQL that issue events must match (Jira's "issue-related-events-section" filter). */
  readonly jqlFilter: string;
  /** When set, deliveries carry `X-Hub-Signature: sha256=<HMAC of the body>`. */
  readonly secret: string | null;
}

/** One attempt at delivering an event. */
export interface WebhookDelivery {
  readonly webhookId: number;
  /** `X-Atlassian-Webhook-Identifier`: one per event and webhook, the same on every retry. */
  readonly identifier: string;
  /** 0 for the first attempt, then the retry count (`X-Atlassian-Webhook-Retry`). */
  readonly retry: number;
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

/** How deliveries are retried: the wait before each retry, and how long an attempt may take. */
export interface DeliveryPolicy {
  readonly retryDelaysMs: readonly number[];
  readonly timeoutMs: number;
}

/**
 * Registered webhooks and their deliveries. First attempts go out in order, one at a time; a
 * failed one (Jira: 408, 409, 425, 429, 5xx, or no answer) is retried after the next delay of the
 * policy without holding up the deliveries behind it, so retries may arrive out of order, as in Jira.
 */
export class WebhookHub {
  readonly registrations: WebhookRegistration[] = [];
  readonly deliveries: WebhookDelivery[] = [];
  private nextId = 1;
  private queue: Promise<void> = Promise.resolve();
  private readonly pendingRetries = new Map<Promise<void>, NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly build: PayloadBuilder,
    private readonly policy: DeliveryPolicy,
  ) {}

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
      const identifier = randomUUID();
      this.queue = this.queue.then(() =>
        this.attempt(registration, identifier, payload.name, payload.body, 0),
      );
    }
  }

  /** Resolves once every queued delivery and every retry has been attempted. */
  async flush(): Promise<void> {
    await this.queue;
    while (this.pendingRetries.size > 0) await Promise.all([...this.pendingRetries.keys()]);
  }

  /** Waits for the first attempts in flight and drops the retries still waiting (the sandbox stops). */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.pendingRetries.values()) clearTimeout(timer);
    this.pendingRetries.clear();
    await this.queue;
  }

  private async attempt(
    registration: WebhookRegistration,
    identifier: string,
    event: string,
    body: unknown,
    retry: number,
  ): Promise<void> {
    const outcome = await sendDelivery({
      url: registration.url,
      secret: registration.secret,
      identifier,
      retry,
      body,
      timeoutMs: this.policy.timeoutMs,
    });
    const { id: webhookId, url } = registration;
    this.deliveries.push({ webhookId, identifier, retry, event, url, body, ...outcome });
    const delay = this.policy.retryDelaysMs[retry];
    if (!outcome.retryable || delay === undefined || this.closed) return;
    let timer: NodeJS.Timeout | undefined;
    const pending = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, delay);
    }).then(() =>
      // A webhook deleted meanwhile is not retried.
      this.registrations.includes(registration)
        ? this.attempt(registration, identifier, event, body, retry + 1)
        : undefined,
    );
    if (timer !== undefined) this.pendingRetries.set(pending, timer);
    void pending.finally(() => this.pendingRetries.delete(pending));
  }
}
