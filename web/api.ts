/** The OwlHub API as the web app calls it: JSON in and out, the CSRF header on writes, typed errors. */
import { z } from 'zod';
import type { ApiErrorCode } from '../src/shared/error-codes.ts';
import { API_ERROR_CODES } from '../src/shared/error-codes.ts';

const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    hint: z.string().optional(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

/** What went wrong: a code of the API, or `network_error` when no answer came back. */
export type WebErrorCode = ApiErrorCode | 'network_error';

/** A failed API call with the server's code, message, hint and per-field messages. */
export class ApiError extends Error {
  /** Creates the error; `fields` maps request field names to the message to show beside them. */
  constructor(
    readonly status: number,
    readonly code: WebErrorCode,
    message: string,
    readonly hint: string | undefined,
    readonly fields: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// The session's CSRF token; every cookie-authenticated write must echo it (set from /me, login, setup).
let csrfToken: string | null = null;

/** Remembers the CSRF token the server handed out with the session. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Calls the API and parses the JSON answer with `schema`; throws ApiError on any failure. */
export async function callApi<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<T> {
  const response = await send(method, path, body, extraHeaders);
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'internal_error',
      'The server answered in an unexpected shape.',
      'Reload the page; if it persists, the web app and the server may be out of step (run npm run build:web).',
      {},
    );
  }
  return parsed.data;
}

async function send(
  method: string,
  path: string,
  body: unknown,
  extraHeaders: Readonly<Record<string, string>>,
): Promise<Response> {
  const headers = new Headers({ ...extraHeaders, accept: 'application/json' });
  if (body !== undefined) headers.set('content-type', 'application/json');
  if (method !== 'GET' && csrfToken !== null) headers.set('x-csrf-token', csrfToken);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(
      0,
      'network_error',
      'OwlHub did not answer.',
      'Check that the server is running and reachable, then try again.',
      {},
    );
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** The body as JSON; undefined when empty (204, or a 202 without body), null when not JSON. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    return null;
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const parsed = ErrorBodySchema.safeParse(await readJson(response));
  if (!parsed.success) {
    return new ApiError(
      response.status,
      'internal_error',
      `OwlHub answered ${response.status} ${response.statusText}.`,
      undefined,
      {},
    );
  }
  const { code, message, hint, fields } = parsed.data.error;
  return new ApiError(response.status, code, message, hint, fields ?? {});
}
