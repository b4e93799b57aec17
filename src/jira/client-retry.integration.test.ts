import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendJson } from '../net/testing/local-server.ts';
import { createJiraClient } from './client.ts';
import { startFakeJira, type FakeJira } from './testing/fake-jira.ts';

let jira: FakeJira;
beforeAll(async () => {
  jira = await startFakeJira();
});
afterEach(() => {
  expect(jira.unexpected).toEqual([]);
  jira.routes.clear();
  jira.sleeps.length = 0;
});
afterAll(async () => {
  await jira.close();
});

const STATUSES = [{ id: '1', name: 'Open', statusCategory: { key: 'new' } }];

/** Answers `failures` times with `status` and `headers`, then with the statuses list. */
function flaky(
  failures: number,
  status: number,
  headers: Record<string, string> = {},
): () => number {
  let calls = 0;
  jira.routes.set('GET /rest/api/2/status', (_req, res) => {
    calls += 1;
    if (calls <= failures) sendJson(res, status, {}, headers);
    else sendJson(res, 200, STATUSES);
  });
  return () => calls;
}

describe('retries', () => {
  it('waits out Retry-After seconds on 429, then succeeds', async () => {
    const calls = flaky(2, 429, { 'retry-after': '2', 'ratelimit-reason': 'jira-burst-based' });
    const result = await jira.client().statuses();
    expect(result).toMatchObject({ ok: true, value: STATUSES, meta: { attempts: 3 } });
    expect(jira.sleeps).toEqual([2000, 2000]);
    expect(calls()).toBe(3);
  });

  it('reads Retry-After as an HTTP date against the injected clock', async () => {
    flaky(1, 503, { 'retry-after': 'Thu, 01 Jan 2026 00:00:07 GMT' });
    expect((await jira.client().statuses()).ok).toBe(true);
    expect(jira.sleeps).toEqual([7000]);
  });

  it('falls back to jittered exponential backoff without Retry-After', async () => {
    flaky(2, 503);
    expect((await jira.client().statuses()).ok).toBe(true);
    expect(jira.sleeps).toEqual([250, 500]); // random() = 0.5 of 500 ms, then of 1000 ms
  });

  it('gives up after maxAttempts with the last error', async () => {
    const calls = flaky(10, 429, { 'retry-after': '1' });
    expect(await jira.client({ maxAttempts: 3 }).statuses()).toMatchObject({
      ok: false,
      error: { kind: 'rate_limited', retryAfterMs: 1000 },
      meta: { attempts: 3 },
    });
    expect(calls()).toBe(3);
  });

  it('does not sleep through a Retry-After longer than maxRetryAfterMs', async () => {
    const calls = flaky(1, 429, { 'retry-after': '1847' });
    expect(await jira.client().statuses()).toMatchObject({
      ok: false,
      error: { kind: 'rate_limited', status: 429, retryAfterMs: 1_847_000 },
    });
    expect(jira.sleeps).toEqual([]);
    expect(calls()).toBe(1);
  });

  it('retries 502 only for idempotent calls', async () => {
    flaky(1, 502);
    expect((await jira.client().statuses()).ok).toBe(true);
    let creates = 0;
    jira.routes.set('POST /rest/api/2/issue', (_req, res) => {
      creates += 1;
      sendJson(res, 502, {});
    });
    expect(await jira.client().createIssue({ summary: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'server_error', status: 502 },
    });
    expect(creates).toBe(1);
  });

  it('retries a reset connection for reads but never resends a create', async () => {
    let reads = 0;
    jira.routes.set('GET /rest/api/2/field', (req, res) => {
      reads += 1;
      if (reads === 1) res.socket?.destroy();
      else sendJson(res, 200, [{ id: 'summary', name: 'Summary' }]);
    });
    expect(await jira.client().fields()).toMatchObject({ ok: true, meta: { attempts: 2 } });

    let creates = 0;
    jira.routes.set('POST /rest/api/2/issue', (_req, res) => {
      creates += 1;
      res.socket?.destroy();
    });
    expect(await jira.client().createIssue({ summary: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'network', failure: { kind: 'reset' } },
    });
    expect(creates).toBe(1);
  });
});

describe('request timeout', () => {
  it('ends a stalled answer and retries it as a read', async () => {
    let calls = 0;
    jira.routes.set('GET /rest/api/2/priority', (_req, res) => {
      calls += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('['); // and never finish
    });
    const client = createJiraClient({
      baseUrl: jira.server.origin,
      auth: { kind: 'anonymous' },
      apiVersion: 2,
      dispatcher: jira.dispatcher,
      requestTimeoutMs: 100,
      retry: { maxAttempts: 2 },
      clock: { sleep: () => Promise.resolve() },
    });
    expect(await client.priorities()).toEqual({
      ok: false,
      error: { kind: 'network', failure: { kind: 'timeout', phase: 'request', code: 'ETIMEDOUT' } },
    });
    expect(calls).toBe(2);
  });
});
