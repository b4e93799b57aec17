import { z } from 'zod';
import type { OutboundResponse } from '../net/index.ts';
import type { JiraError, JiraMessages, NotJiraReason } from './errors.ts';

const MAX_MESSAGE = 500;

const ErrorBodySchema = z.looseObject({
  errorMessages: z.array(z.unknown()).optional(),
  errors: z.record(z.string(), z.unknown()).optional(),
  message: z.unknown().optional(),
});

function clip(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/** Reads Jira's ErrorCollection (or the `{message}` variant of its auth filter), leniently. */
export function readMessages(body: string): JiraMessages {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { messages: [], fieldErrors: {} };
  }
  const parsed = ErrorBodySchema.safeParse(json);
  if (!parsed.success) {
    return { messages: [], fieldErrors: {} };
  }
  const { errorMessages = [], errors = {}, message } = parsed.data;
  const messages = errorMessages.map(clip);
  if (message !== undefined) {
    messages.push(clip(message));
  }
  const fieldErrors = Object.fromEntries(
    Object.entries(errors).map(([field, text]) => [field, clip(text)]),
  );
  return { messages, fieldErrors };
}

/** A 2xx answer whose body is still text, for parseBody. */
export interface UnparsedBody {
  status: number;
  contentType?: string;
  body: string;
}

/** What parseBody needs of a response. */
export function unparsedBody(response: OutboundResponse): UnparsedBody {
  const contentType = response.headers['content-type'];
  return {
    status: response.status,
    body: response.body,
    ...(contentType === undefined ? {} : { contentType }),
  };
}

/** Parses a body expected to be JSON; HTML pages and other text are `not_jira`. */
function readJson(
  response: UnparsedBody,
): { ok: true; json: unknown } | { ok: false; reason: NotJiraReason } {
  if (/html/i.test(response.contentType ?? '') || /^\s*</.test(response.body)) {
    return { ok: false, reason: 'html' };
  }
  try {
    return { ok: true, json: JSON.parse(response.body) };
  } catch {
    return { ok: false, reason: 'not_json' };
  }
}

/** Reads a 2xx body with a schema: not JSON is `not_jira`, JSON of another shape `invalid_response`. */
export function parseBody<T>(
  schema: z.ZodType<T>,
  response: UnparsedBody,
): { ok: true; value: T } | { ok: false; error: JiraError } {
  const json = readJson(response);
  if (!json.ok) {
    const { contentType } = response;
    const error: JiraError = {
      kind: 'not_jira',
      status: response.status,
      reason: json.reason,
      ...(contentType === undefined ? {} : { contentType }),
    };
    return { ok: false, error };
  }
  const parsed = schema.safeParse(json.json);
  if (!parsed.success) {
    return {
      ok: false,
      error: { kind: 'invalid_response', status: response.status, ...firstIssue(parsed.error) },
    };
  }
  return { ok: true, value: parsed.data };
}

/** The login URL Server/DC puts in `X-Authentication-Denied-Reason: CAPTCHA_CHALLENGE; login-url=…`. */
function captchaLoginUrl(header: string): string | undefined {
  return /login-url=(\S+)/.exec(header)?.[1];
}

/** Maps a non-2xx response to its JiraError; `retryAfterMs` is the parsed Retry-After. */
export function errorForStatus(
  response: OutboundResponse,
  retryAfterMs: number | undefined,
): JiraError {
  const { status, headers } = response;
  const messages = (): JiraMessages => readMessages(response.body);
  const loginReason = headers['x-seraph-loginreason'];
  switch (status) {
    case 401:
      return {
        kind: 'unauthorized',
        status,
        ...(loginReason === undefined ? {} : { loginReason }),
        ...messages(),
      };
    case 403: {
      const denied = headers['x-authentication-denied-reason'];
      if (denied !== undefined && /CAPTCHA_CHALLENGE/i.test(denied)) {
        const loginUrl = captchaLoginUrl(denied);
        return {
          kind: 'captcha',
          status,
          ...(loginUrl === undefined ? {} : { loginUrl }),
          ...(loginReason === undefined ? {} : { loginReason }),
        };
      }
      return { kind: 'forbidden', status, ...messages() };
    }
    case 404:
      return { kind: 'not_found', status, ...messages() };
    case 410:
      return { kind: 'gone', status, ...messages() };
    case 400:
      return { kind: 'bad_request', status, ...messages() };
    case 429: {
      const reason = headers['ratelimit-reason'];
      return {
        kind: 'rate_limited',
        status,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        ...(reason === undefined ? {} : { reason }),
      };
    }
    default:
      return status >= 500
        ? { kind: 'server_error', status, ...messages() }
        : { kind: 'client_error', status, ...messages() };
  }
}

/** The first zod issue as a dotted path and message, for `invalid_response`. */
export function firstIssue(error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0];
  if (issue === undefined) {
    return { path: '', message: 'invalid' };
  }
  return { path: issue.path.map(String).join('.'), message: issue.message };
}
