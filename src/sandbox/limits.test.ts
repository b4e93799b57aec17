import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index.ts';
import { call } from './test-client.ts';

describe('limits and faults', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ issues: 20, seed: 5 });
  });
  afterAll(() => sandbox.stop());

  it('answers 429 with Retry-After and X-RateLimit headers beyond --max-concurrent', async () => {
    sandbox.setLimits({ maxConcurrent: 2, latencyMs: 600 });
    try {
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => call(sandbox, '/rest/api/3/serverInfo')),
      );
      const limited = responses.filter((r) => r.status === 429);
      expect(responses.filter((r) => r.status === 200)).toHaveLength(2);
      expect(limited).toHaveLength(4);
      const headers = limited[0]!.headers;
      expect(Number(headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(headers.get('x-ratelimit-remaining')).toBe('0');
      expect(headers.get('ratelimit-reason')).toBe('jira-burst-based');
      expect(headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    } finally {
      sandbox.setLimits({ maxConcurrent: 0, latencyMs: 0 });
    }
  });

  it('answers 429 beyond --rate-per-sec', async () => {
    // A bucket of two tokens refilled at two a second: ten requests at once cannot all pass.
    sandbox.setLimits({ ratePerSec: 2 });
    try {
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => call(sandbox, '/rest/api/3/serverInfo')),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
      const limited = responses.find((r) => r.status === 429);
      expect(limited?.headers.get('retry-after')).toBe('1');
      expect(limited?.headers.get('x-ratelimit-limit')).toBe('2');
    } finally {
      sandbox.setLimits({ ratePerSec: 0 });
    }
  });

  it('injects 500 and 503 at the fault rate', async () => {
    sandbox.setLimits({ faultRate: 1 });
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++)
      statuses.add((await call(sandbox, '/rest/api/3/serverInfo')).status);
    sandbox.setLimits({ faultRate: 0 });
    expect([...statuses].sort()).toEqual([500, 503]);
    expect((await call(sandbox, '/rest/api/3/serverInfo')).status).toBe(200);
  });

  it('adds latency', async () => {
    sandbox.setLimits({ latencyMs: 120 });
    const started = performance.now();
    await call(sandbox, '/rest/api/3/serverInfo');
    sandbox.setLimits({ latencyMs: 0 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('rejects invalid options with a readable message', async () => {
    await expect(startSandbox({ timeZone: 'Mars/Olympus' })).rejects.toThrow(/timeZone/);
    await expect(startSandbox({ faultRate: 2 })).rejects.toThrow(/faultRate/);
  });
});
