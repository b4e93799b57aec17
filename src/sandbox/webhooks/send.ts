import { createHmac } from 'node:crypto';

/** One attempt at posting a webhook body. */
export interface DeliveryRequest {
  readonly url: string;
  readonly secret: string | null;
  readonly identifier: string;
  readonly retry: number;
  readonly body: unknown;
  readonly timeoutMs: number;
}

/** What an attempt got: a status or an error, and whether Jira would try again. */
export interface DeliveryOutcome {
  readonly status: number | null;
  readonly error: string | null;
  readonly retryable: boolean;
}

// Jira Cloud's retry policy: these statuses, 5xx, and connections that fail or time out.
const RETRIED_STATUSES = new Set([408, 409, 425, 429]);

/** The headers Jira sends with a delivery; the signature is over the exact bytes sent. */
export function deliveryHeaders(request: DeliveryRequest, text: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    'User-Agent': 'Atlassian Webhook HTTP Client',
    'X-Atlassian-Webhook-Identifier': request.identifier,
    'X-Atlassian-Webhook-Flow': 'Primary',
  };
  if (request.retry > 0) headers['X-Atlassian-Webhook-Retry'] = String(request.retry);
  if (request.secret !== null) {
    headers['X-Hub-Signature'] =
      `sha256=${createHmac('sha256', request.secret).update(text).digest('hex')}`;
  }
  return headers;
}

/** Posts one delivery; never throws. */
export async function sendDelivery(request: DeliveryRequest): Promise<DeliveryOutcome> {
  const text = JSON.stringify(request.body);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: deliveryHeaders(request, text),
      body: text,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    await response.body?.cancel();
    const { status } = response;
    return { status, error: null, retryable: status >= 500 || RETRIED_STATUSES.has(status) };
  } catch (error) {
    return {
      status: null,
      error: error instanceof Error ? error.message : String(error),
      retryable: true,
    };
  }
}
