import { request, type Dispatcher } from 'undici';
import { classifyNetworkError } from './classify-error.ts';
import type { NetFailure } from './failure.ts';
import type { Result } from './result.ts';

/** An HTTP request to a user-given host. */
export interface OutboundRequest {
  url: URL;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  /** Credentials (Authorization, cookies): sent only to the origin of `url`, never to another. */
  credentials?: Record<string, string>;
  body?: string;
  /** Redirects to follow; every hop is vetted again by the dispatcher. Default 5. */
  maxRedirects?: number;
  /** Largest response body accepted, in bytes. Default 64 MiB. */
  maxBodyBytes?: number;
  /** Cap on the whole exchange, redirects and body included; on top of the dispatcher's phase timeouts. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The final response after redirects; header names are lower case. */
export interface OutboundResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Where the response came from, after redirects. */
  url: URL;
  redirects: number;
}

/** Why `sendRequest` got no response: a network failure, or a redirect or body we refuse. */
export type SendFailure =
  | NetFailure
  | { kind: 'too_many_redirects'; limit: number }
  | { kind: 'bad_redirect'; location: string }
  | { kind: 'body_too_large'; limit: number };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function flattenHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) {
      flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return flat;
}

async function readBody(
  body: Dispatcher.ResponseData['body'],
  limit: number,
): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) {
      body.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function withoutContentType(
  headers: Record<string, string>,
  drop: boolean,
): Record<string, string> {
  return drop
    ? Object.fromEntries(
        Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-type'),
      )
    : headers;
}

function nextHop(location: string, current: URL): URL | undefined {
  try {
    const next = new URL(location, current);
    return next.protocol === 'https:' || next.protocol === 'http:' ? next : undefined;
  } catch {
    return undefined; // an unparsable Location is reported as bad_redirect by the caller
  }
}

/**
 * Sends a request through the policy dispatcher and follows redirects itself,
 * so every hop is vetted, credentials never leave the original origin, and
 * 301/302/303 turn a POST into a body-less GET as browsers do.
 */
export async function sendRequest(
  dispatcher: Dispatcher,
  outbound: OutboundRequest,
): Promise<Result<OutboundResponse, SendFailure>> {
  const limit = outbound.maxRedirects ?? 5;
  const maxBodyBytes = outbound.maxBodyBytes ?? 64 * 1024 * 1024;
  const origin = outbound.url.origin;
  let url = outbound.url;
  let method = outbound.method;
  let body = outbound.body;
  const signals = [
    outbound.signal,
    outbound.timeoutMs === undefined ? undefined : AbortSignal.timeout(outbound.timeoutMs),
  ];
  const present = signals.filter((signal) => signal !== undefined);
  const signal = present.length === 0 ? undefined : AbortSignal.any(present);
  for (let redirects = 0; ; redirects++) {
    const headers = {
      ...withoutContentType(outbound.headers ?? {}, body === undefined),
      ...(url.origin === origin ? outbound.credentials : {}),
    };
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        dispatcher,
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        ...(signal === undefined ? {} : { signal }),
      });
    } catch (error) {
      return { ok: false, error: classifyNetworkError(error) };
    }
    const responseHeaders = flattenHeaders(response.headers);
    const location = responseHeaders['location'];
    if (REDIRECTS.has(response.statusCode) && location !== undefined) {
      await response.body.dump();
      if (redirects >= limit) {
        return { ok: false, error: { kind: 'too_many_redirects', limit } };
      }
      const next = nextHop(location, url);
      if (next === undefined) {
        return { ok: false, error: { kind: 'bad_redirect', location } };
      }
      if (response.statusCode <= 303 && method !== 'GET') {
        method = 'GET';
        body = undefined;
      }
      url = next;
      continue;
    }
    let text: string | undefined;
    try {
      text = await readBody(response.body, maxBodyBytes);
    } catch (error) {
      return { ok: false, error: classifyNetworkError(error) };
    }
    if (text === undefined) {
      return { ok: false, error: { kind: 'body_too_large', limit: maxBodyBytes } };
    }
    return {
      ok: true,
      value: { status: response.statusCode, headers: responseHeaders, body: text, url, redirects },
    };
  }
}
