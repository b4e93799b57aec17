import type { JiraError, JiraResult } from '../jira/index.ts';

/** How often and how long a transient Jira failure is retried by the sync (on top of the client's own retries). */
export interface SyncRetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Six attempts from 200 ms doubling to 10 s: enough to ride out a burst of 5xx or 429. */
export const DEFAULT_SYNC_RETRY: SyncRetryPolicy = {
  attempts: 6,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
};

/** Failures that may pass if asked again; the client does not retry a plain 500, for one. */
export function isTransient(error: JiraError): boolean {
  switch (error.kind) {
    case 'server_error':
    case 'network':
    case 'rate_limited':
      return true;
    default:
      return false;
  }
}

/** Calls `call` until it succeeds, fails for good, the attempts run out or `signal` aborts. */
export async function retrying<T>(
  call: () => Promise<JiraResult<T>>,
  signal: AbortSignal,
  policy: SyncRetryPolicy = DEFAULT_SYNC_RETRY,
): Promise<JiraResult<T>> {
  for (let attempt = 1; ; attempt++) {
    const result = asAnonymousRefusal(await call());
    if (result.ok || !isTransient(result.error) || signal.aborted) return result;
    // The site's budget already slows down on 429s; only other failures use up attempts quickly.
    const limit = result.error.kind === 'rate_limited' ? policy.attempts * 4 : policy.attempts;
    if (attempt >= limit) return result;
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    const wait =
      result.error.kind === 'rate_limited' && result.error.retryAfterMs !== undefined
        ? result.error.retryAfterMs
        : Math.floor(Math.random() * ceiling);
    await sleep(wait, signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Jira answers some reads with bad credentials as the anonymous user instead of 401 (Cloud says
 * `X-Seraph-LoginReason: AUTHENTICATED_FAILED`, Server/DC `X-AUSERNAME: anonymous`). A sync that
 * took such an answer would see no issues and delete the mirror, so it counts as a 401.
 */
function asAnonymousRefusal<T>(result: JiraResult<T>): JiraResult<T> {
  if (!result.ok) return result;
  const { loginReason, aUsername } = result.meta;
  if (loginReason !== 'AUTHENTICATED_FAILED' && aUsername !== 'anonymous') return result;
  return {
    ok: false,
    error: {
      kind: 'unauthorized',
      status: 401,
      messages: [],
      fieldErrors: {},
      ...(loginReason === undefined ? {} : { loginReason }),
    },
    meta: result.meta,
  };
}
