import type { MiddlewareHandler } from 'hono';
import type { SandboxRuntime } from '../runtime.ts';
import type { SandboxEnv } from './env.ts';
import { errorCollection } from './respond.ts';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A token bucket refilled continuously; capacity is one second of traffic. */
class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private rate: number,
    now: number,
  ) {
    this.tokens = rate;
    this.last = now;
  }

  /** Takes a token, or returns the milliseconds until one is available. */
  take(rate: number, now: number): number {
    if (rate !== this.rate) {
      this.rate = rate;
      this.tokens = Math.min(this.tokens, rate);
    }
    this.tokens = Math.min(rate, this.tokens + ((now - this.last) / 1000) * rate);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / rate) * 1000);
  }

  remaining(): number {
    return Math.floor(this.tokens);
  }
}

function rateLimitHeaders(runtime: SandboxRuntime, waitMs: number): Record<string, string> {
  const retryAfter = String(Math.max(1, Math.ceil(waitMs / 1000)));
  const limit = String(runtime.limits.ratePerSec || runtime.limits.maxConcurrent);
  if (runtime.flavor === 'datacenter') {
    return {
      'Retry-After': retryAfter,
      'X-RateLimit-Limit': limit,
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-FillRate': limit,
      'X-RateLimit-Interval-Seconds': '1',
    };
  }
  return {
    'Retry-After': retryAfter,
    'X-RateLimit-Limit': limit,
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset': new Date(runtime.now() + waitMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'RateLimit-Reason': 'jira-burst-based',
  };
}

/**
 * Counts requests, then applies the runtime limits in the order a real edge does: concurrency and
 * rate (429), latency, and injected faults (500/503).
 */
export function applyLimits(runtime: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  let inFlight = 0;
  let bucket: TokenBucket | null = null;
  return async (c, next) => {
    const route = `${c.req.method} ${c.req.path.slice(runtime.options.basePath.length)}`;
    runtime.stats.total++;
    runtime.stats.byRoute.set(route, (runtime.stats.byRoute.get(route) ?? 0) + 1);
    const { maxConcurrent, ratePerSec } = runtime.limits;
    let waitMs = 0;
    if (maxConcurrent > 0 && inFlight >= maxConcurrent) waitMs = 1000;
    if (waitMs === 0 && ratePerSec > 0) {
      bucket ??= new TokenBucket(ratePerSec, runtime.now());
      waitMs = bucket.take(ratePerSec, runtime.now());
    }
    if (waitMs > 0) {
      for (const [name, value] of Object.entries(rateLimitHeaders(runtime, waitMs)))
        c.header(name, value);
      return runtime.flavor === 'datacenter'
        ? c.json({ message: 'Rate limit exceeded. Try again later.' }, 429)
        : c.json(errorCollection(['Rate limit exceeded.']), 429);
    }
    inFlight++;
    try {
      if (runtime.limits.latencyMs > 0) await sleep(runtime.limits.latencyMs);
      if (runtime.limits.faultRate > 0 && runtime.faultRandom.chance(runtime.limits.faultRate)) {
        if (runtime.faultRandom.chance(0.5))
          return c.json(errorCollection(['Internal server error']), 500);
        c.header('Retry-After', '1');
        return c.text('Service Unavailable', 503);
      }
      // The DC rate-limiting plugin reports its bucket on every limited response, serverInfo excepted.
      if (
        bucket !== null &&
        ratePerSec > 0 &&
        runtime.flavor === 'datacenter' &&
        !c.req.path.endsWith('/serverInfo')
      ) {
        const rate = String(ratePerSec);
        c.header('X-RateLimit-Limit', rate);
        c.header('X-RateLimit-Remaining', String(bucket.remaining()));
        c.header('X-RateLimit-FillRate', rate);
        c.header('X-RateLimit-Interval-Seconds', '1');
        c.header('Retry-After', '0');
      }
      await next();
    } finally {
      inFlight--;
    }
  };
}
