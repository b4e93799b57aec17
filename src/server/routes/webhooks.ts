import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { receiveDelivery, type ReceiveOutcome } from '../../webhooks/receive.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';

/** Jira's payloads are a few kilobytes; a megabyte leaves room for issues with many fields. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

function refusal(outcome: Exclude<ReceiveOutcome, { kind: 'accepted' }>): ApiError {
  switch (outcome.kind) {
    case 'unknown_integration':
      return new ApiError('not_found', 'There is no integration with this id.');
    case 'refused':
      return new ApiError(
        'unauthenticated',
        outcome.reason === 'no_secret'
          ? 'This integration has no webhook secret, so no delivery can be authenticated.'
          : 'The X-Hub-Signature header is missing or does not match the body.',
        { hint: 'Deliveries must be signed with the secret OwlHub registered the webhook with.' },
      );
    case 'malformed':
      return new ApiError('invalid_input', 'The body is not a Jira webhook event.');
  }
}

/**
 * `POST /webhooks/jira/:integrationId`, outside `/api`: Jira has no session or API key, so the
 * signature over the raw body authenticates the delivery. Answers 202 once the delivery is stored
 * (processing runs as a job, so Jira never waits on it); a replay is acknowledged and ignored.
 */
export const webhookRoutes = new Hono<AppEnv>();

webhookRoutes.post(
  '/jira/:integrationId',
  bodyLimit({
    maxSize: MAX_WEBHOOK_BYTES,
    onError: () => {
      throw new ApiError('payload_too_large', 'The webhook body is larger than 1 MiB.');
    },
  }),
  async (c) => {
    const outcome = await receiveDelivery(c.get('deps'), c.req.param('integrationId'), {
      body: new Uint8Array(await c.req.arrayBuffer()),
      signature: c.req.header('x-hub-signature'),
      identifier: c.req.header('x-atlassian-webhook-identifier'),
    });
    if (outcome.kind !== 'accepted') throw refusal(outcome);
    return c.json({ accepted: true, duplicate: outcome.duplicate }, 202);
  },
);
