/** When and how long to retry; Atlassian asks for Retry-After first, then jittered exponential backoff. */
export interface RetryPolicy {
  /** Requests sent at most, the first included (1 disables retries). */
  maxAttempts: number;
  /** First backoff ceiling; doubles each attempt. */
  baseDelayMs: number;
  /** Largest backoff ceiling. */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out: the caller gets `rate_limited` and reschedules. */
  maxRetryAfterMs: number;
}

/** Four attempts, 0.5 s doubling to 30 s, waiting out Retry-After up to a minute. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
});

/** The clock, sleep and randomness retries use; injected so tests run instantly. */
export interface RetryClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/** Real time. */
export const SYSTEM_CLOCK: RetryClock = Object.freeze({
  now: () => Date.now(),
  sleep: (ms: number) =>
    new Promise<void>((resolve) => {
      setTimeout(resolve, ms);
    }),
  random: () => Math.random(),
});

/** Parses `Retry-After` (delay seconds or an HTTP date) into milliseconds from `now`; undefined if absent or invalid. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    return Number(text) * 1000;
  }
  const date = Date.parse(text);
  // Only RFC 9110 dates (they name a weekday or a month), not any string Date.parse accepts.
  if (Number.isNaN(date) || !/[a-z]{3}/i.test(text)) {
    return undefined;
  }
  return Math.max(0, date - now);
}

/** "Full jitter" backoff before attempt `attempt + 1`: uniform in [0, min(max, base * 2^(attempt-1))]. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
