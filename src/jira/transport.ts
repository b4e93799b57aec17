import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { sendRequest, type OutboundResponse, type SendFailure } from '../net/index.ts';
import { authorizationHeaders, type JiraAuth } from './auth.ts';
import { resourceUrl, restUrl, type Query } from './base-url.ts';
import type { JiraError, JiraResult, ResponseMeta } from './errors.ts';
import type { UnparsedBody } from './response.ts';
import { errorForStatus, parseBody, unparsedBody } from './response.ts';
import { backoffDelay, parseRetryAfter, type RetryClock, type RetryPolicy } from './retry.ts';

/** One REST call: path segments under `/rest/api/<version>/`. */
export interface JiraCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  segments: readonly string[];
  query?: Query;
  body?: unknown;
  /** Safe to send twice (reads, including POST searches): network errors are retried. */
  idempotent: boolean;
  /** Send without credentials (serverInfo probing must not count as a failed login on Server/DC). */
  anonymous?: boolean;
  /** Segments after `/rest/` for resources outside `/rest/api/<version>/` (`['webhooks', '1.0']`). */
  root?: readonly string[];
}

/** What a transport needs, already validated by `createJiraClient`. */
export interface TransportOptions {
  baseUrl: URL;
  apiVersion: 2 | 3;
  auth: JiraAuth;
  dispatcher: Dispatcher;
  retry: RetryPolicy;
  clock: RetryClock;
  maxRedirects: number;
  requestTimeoutMs: number;
  userAgent: string;
}

/**
 * Sends JiraCalls with retries; `json` parses a 2xx body with a schema, `unparsed` leaves that to
 * the caller (parseBody, when it suits), `empty` ignores it (204).
 */
export interface Transport {
  json: <T>(call: JiraCall, schema: z.ZodType<T>) => Promise<JiraResult<T>>;
  unparsed: (call: JiraCall) => Promise<JiraResult<UnparsedBody>>;
  empty: (call: JiraCall) => Promise<JiraResult<undefined>>;
}

type Sent =
  | { ok: true; response: OutboundResponse; meta: ResponseMeta }
  | { ok: false; error: JiraError; meta?: ResponseMeta };

// A request refused or timed out while connecting never reached Jira: safe to resend even a POST.
function retryableFailure(failure: SendFailure, idempotent: boolean): boolean {
  switch (failure.kind) {
    case 'refused':
      return true;
    case 'timeout':
      return idempotent || failure.phase === 'connect' || failure.phase === 'dns';
    case 'reset':
    case 'unreachable':
      return idempotent;
    case 'dns':
      return failure.code === 'EAI_AGAIN';
    default:
      return false;
  }
}

function metaOf(response: OutboundResponse, attempts: number): ResponseMeta {
  const h = response.headers;
  const requestId = h['x-arequestid'] ?? h['atl-traceid'];
  return {
    status: response.status,
    redirects: response.redirects,
    attempts,
    ...(h['x-ausername'] === undefined ? {} : { aUsername: h['x-ausername'] }),
    ...(h['x-seraph-loginreason'] === undefined ? {} : { loginReason: h['x-seraph-loginreason'] }),
    ...(requestId === undefined ? {} : { requestId }),
  };
}

/** Creates the transport every endpoint function calls through. */
export function createTransport(options: TransportOptions): Transport {
  const { retry, clock } = options;
  const headers = {
    accept: 'application/json',
    'user-agent': options.userAgent,
    // Server/DC rejects some non-GET requests without it (XSRF check); harmless elsewhere.
    'x-atlassian-token': 'no-check',
  };
  const credentials = authorizationHeaders(options.auth);

  const send = async (call: JiraCall): Promise<Sent> => {
    const url =
      call.root === undefined
        ? restUrl(options.baseUrl, options.apiVersion, call.segments, call.query)
        : resourceUrl(options.baseUrl, call.root, call.segments, call.query);
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    for (let attempt = 1; ; attempt++) {
      const sent = await sendRequest(options.dispatcher, {
        url,
        method: call.method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        credentials: call.anonymous === true ? {} : credentials,
        maxRedirects: options.maxRedirects,
        timeoutMs: options.requestTimeoutMs,
        ...(body === undefined ? {} : { body }),
      });
      const more = attempt < retry.maxAttempts;
      if (!sent.ok) {
        if (more && retryableFailure(sent.error, call.idempotent)) {
          await clock.sleep(backoffDelay(attempt, retry, clock.random));
          continue;
        }
        return { ok: false, error: { kind: 'network', failure: sent.error } };
      }
      const response = sent.value;
      const meta = metaOf(response, attempt);
      if (response.status >= 200 && response.status < 300) {
        return { ok: true, response, meta };
      }
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], clock.now());
      const transient =
        response.status === 429 ||
        response.status === 503 ||
        (call.idempotent && (response.status === 502 || response.status === 504));
      if (more && transient && (retryAfterMs ?? 0) <= retry.maxRetryAfterMs) {
        await clock.sleep(retryAfterMs ?? backoffDelay(attempt, retry, clock.random));
        continue;
      }
      return { ok: false, error: errorForStatus(response, retryAfterMs), meta };
    }
  };

  return {
    json: async (call, schema) => {
      const sent = await send(call);
      return sent.ok
        ? { ...parseBody(schema, unparsedBody(sent.response)), meta: sent.meta }
        : sent;
    },
    unparsed: async (call) => {
      const sent = await send(call);
      return sent.ok ? { ok: true, value: unparsedBody(sent.response), meta: sent.meta } : sent;
    },
    empty: async (call) => {
      const sent = await send(call);
      return sent.ok ? { ok: true, value: undefined, meta: sent.meta } : sent;
    },
  };
}
