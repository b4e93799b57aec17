import type { SendFailure } from '../net/index.ts';

/** What a response told us beyond its body; header names as Jira sends them. */
export interface ResponseMeta {
  status: number;
  /** `X-AUSERNAME` (Server/DC): who Jira thinks we are; `anonymous` means the credentials were ignored. */
  aUsername?: string;
  /** `X-Seraph-LoginReason`: `OK`, `AUTHENTICATED_FAILED`, `AUTHENTICATION_DENIED`... */
  loginReason?: string;
  /** `X-ARequestId` or `atl-traceid`, to quote to Atlassian support. */
  requestId?: string;
  /** Redirects followed before this response. */
  redirects: number;
  /** Requests sent, retries included. */
  attempts: number;
}

/** Jira's error messages from an ErrorCollection body (`errorMessages` and per-field `errors`). */
export interface JiraMessages {
  messages: string[];
  fieldErrors: Record<string, string>;
}

/** Why a response is not a Jira REST answer. */
export type NotJiraReason = 'html' | 'not_json' | 'unexpected_json' | 'server_info_missing';

/**
 * Every expected way a Jira call fails; callers `switch` on `kind`. None of
 * these carries a credential: they hold codes, statuses, headers we chose and
 * Jira's own messages.
 */
export type JiraError =
  /** No HTTP answer: DNS, policy, connect, TLS, timeout, redirect or body-size failure (see `failure.kind`). */
  | { kind: 'network'; failure: SendFailure }
  /** 401: wrong, revoked or expired credentials. */
  | ({ kind: 'unauthorized'; status: 401; loginReason?: string } & JiraMessages)
  /** 403 with `X-Authentication-Denied-Reason: CAPTCHA_CHALLENGE`: Server/DC locked the account. */
  | { kind: 'captcha'; status: 403; loginUrl?: string; loginReason?: string }
  /** 403 otherwise: authenticated but not allowed. */
  | ({ kind: 'forbidden'; status: 403 } & JiraMessages)
  /** 404: no such resource, or not visible to this account. */
  | ({ kind: 'not_found'; status: 404 } & JiraMessages)
  /** 410: the API was removed (Cloud's legacy `/search`). */
  | ({ kind: 'gone'; status: 410 } & JiraMessages)
  /** 400: bad JQL, missing required field... */
  | ({ kind: 'bad_request'; status: 400 } & JiraMessages)
  /** Any other 4xx (409, 413, 422...) or unexpected non-2xx status below 500. */
  | ({ kind: 'client_error'; status: number } & JiraMessages)
  /** 429 after the retries allowed; `retryAfterMs` from `Retry-After` when Jira sent one. */
  | { kind: 'rate_limited'; status: 429; retryAfterMs?: number; reason?: string }
  /** 5xx after the retries allowed. */
  | ({ kind: 'server_error'; status: number } & JiraMessages)
  /** Something answered, but not Jira's REST API. */
  | { kind: 'not_jira'; status: number; reason: NotJiraReason; contentType?: string }
  /** JSON that does not match what we read; `path` is where the first mismatch is. */
  | { kind: 'invalid_response'; status: number; path: string; message: string };

/** A Jira call's outcome: the parsed value with response meta, or a JiraError. */
export type JiraResult<T> =
  { ok: true; value: T; meta: ResponseMeta } | { ok: false; error: JiraError; meta?: ResponseMeta };
