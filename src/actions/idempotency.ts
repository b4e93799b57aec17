import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ApiError, invalidInput } from '../server/errors.ts';
import { API_ERROR_CODES } from '../shared/error-codes.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  findIdempotencyKey,
  pruneIdempotencyKeys,
  releaseIdempotencyKey,
  type IdempotencyScope,
} from '../storage/idempotency-keys.ts';
import type { ActionDeps } from './deps.ts';

/** A successful answer of an action. */
export interface ActionAnswer<T> {
  body: T;
  /** True when this answer is the stored one of an earlier request with the same key. */
  replayed: boolean;
}

/** How long a second request waits for the first one's answer before it gets 409 "in progress". */
const WAIT_MS = 10_000;
const POLL_MS = 100;
/** A claim older than this with no answer belongs to a request that died: a retry takes it over. */
const ABANDONED_AFTER_MS = 5 * 60_000;
/** How long an answer is kept to replay (as long as Stripe keeps its keys); older keys may be reused. */
const KEPT_FOR_MS = 24 * 60 * 60_000;

/**
 * Failures that changed nothing in Jira and may pass: the key is freed so that a retry runs again.
 * Every other answer, errors included, is kept and replayed.
 */
const RETRYABLE = new Set(['rate_limited', 'conflict']);

const KeySchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/);

const StoredError = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    hint: z.string().optional(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  return value === undefined ? 'null' : JSON.stringify(value);
}

function replay<T>(
  statusCode: number,
  responseJson: string,
  parse: (body: unknown) => T,
): ActionAnswer<T> {
  const body: unknown = JSON.parse(responseJson);
  if (statusCode >= 400) {
    const { error } = StoredError.parse(body);
    throw new ApiError(error.code, error.message, {
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      ...(error.fields === undefined ? {} : { fields: error.fields }),
    });
  }
  return { body: parse(body), replayed: true };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs an action at most once per Idempotency-Key (per user and integration): a retry with the
 * same key and input gets the first answer, with other input a 409. Of two concurrent requests
 * the database lets one claim the key; the other waits for its answer (409 if it takes too long).
 */
export async function runIdempotent<T>(
  deps: ActionDeps,
  request: {
    /** The status the route answers on success, stored with the body. */
    successStatus: 200 | 201;
    userId: string;
    integrationId: string;
    key: string | undefined;
    action: string;
    input: unknown;
  },
  parse: (body: unknown) => T,
  run: () => Promise<T>,
): Promise<ActionAnswer<T>> {
  if (request.key === undefined) return { body: await run(), replayed: false };
  if (!KeySchema.safeParse(request.key).success)
    throw invalidInput({ 'Idempotency-Key': 'Use 1 to 255 visible ASCII characters.' });
  const scope: IdempotencyScope = {
    userId: request.userId,
    integrationId: request.integrationId,
    key: request.key,
  };
  const hash = createHash('sha256')
    .update(stableJson({ action: request.action, input: request.input }))
    .digest('hex');
  const now = deps.now();
  const staleBefore = new Date(now.getTime() - ABANDONED_AFTER_MS).toISOString();
  await pruneIdempotencyKeys(deps.db, scope, new Date(now.getTime() - KEPT_FOR_MS).toISOString());
  if (await claimIdempotencyKey(deps.db, scope, hash, now.toISOString(), staleBefore)) {
    return runClaimed(deps, scope, request.successStatus, run);
  }
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const row = await findIdempotencyKey(deps.db, scope);
    if (row === undefined) return runIdempotent(deps, request, parse, run);
    if (row.request_hash !== hash)
      throw new ApiError(
        'conflict',
        'This Idempotency-Key was already used with a different request.',
        {
          hint: 'Send a new key for a new request.',
        },
      );
    if (row.status_code !== null && row.response_json !== null)
      return replay(row.status_code, row.response_json, parse);
    if (Date.now() > deadline)
      throw new ApiError('conflict', 'A request with this Idempotency-Key is still in progress.', {
        hint: 'Retry in a moment to get its answer.',
      });
    await sleep(POLL_MS);
  }
}

async function runClaimed<T>(
  deps: ActionDeps,
  scope: IdempotencyScope,
  successStatus: 200 | 201,
  run: () => Promise<T>,
): Promise<ActionAnswer<T>> {
  const at = () => deps.now().toISOString();
  let body: T;
  try {
    body = await run();
  } catch (error) {
    if (error instanceof ApiError && !RETRYABLE.has(error.code)) {
      await completeIdempotencyKey(deps.db, scope, {
        statusCode: error.status,
        responseJson: JSON.stringify(error.toBody()),
        at: at(),
      });
    } else {
      await releaseIdempotencyKey(deps.db, scope);
    }
    throw error;
  }
  await completeIdempotencyKey(deps.db, scope, {
    statusCode: successStatus,
    responseJson: JSON.stringify(body),
    at: at(),
  });
  return { body, replayed: false };
}
