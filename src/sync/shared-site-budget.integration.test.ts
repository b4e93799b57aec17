import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStorage } from '../../test/support/storage.ts';
import type { JiraResult } from '../jira/index.ts';
import type { Storage } from '../storage/connect.ts';
import { databaseCoordinator } from './shared-site-budget.ts';
import { SiteBudget } from './site-budget.ts';

const SITE = 'https://acme.atlassian.net';
const meta = { status: 200, redirects: 0, attempts: 1 };
const ok: JiraResult<number> = { ok: true, value: 1, meta };

/** Two budgets for one site, as two processes on one database hold them. */
function twoProcesses(storage: Storage) {
  const bounds = { min: 1, initial: 8, max: 8 };
  return ['process-a', 'process-b'].map(
    (holder) => new SiteBudget(bounds, Date.now, databaseCoordinator(storage.db, SITE, holder)),
  ) as [SiteBudget, SiteBudget];
}

describe.each(DIALECTS)('a site budget shared through %s', (dialect) => {
  let storage: Storage | undefined;
  afterEach(async () => {
    await storage?.close();
    storage = undefined;
  });

  it('makes every process wait out a 429 that one of them met', async () => {
    storage = await createTestStorage(dialect);
    const [a, b] = twoProcesses(storage);
    const retryAfterMs = 1000;
    await a.run(() =>
      Promise.resolve({ ok: false, error: { kind: 'rate_limited', status: 429, retryAfterMs } }),
    );
    const limitedAt = Date.now();

    let sentAt = 0;
    await b.run(() => {
      sentAt = Date.now();
      return Promise.resolve(ok);
    });

    expect(sentAt - limitedAt).toBeGreaterThanOrEqual(retryAfterMs - 50);
  });

  it('splits the requests in flight between the processes sending to the site', async () => {
    storage = await createTestStorage(dialect);
    const [a, b] = twoProcesses(storage);
    await Promise.all([a.run(() => Promise.resolve(ok)), b.run(() => Promise.resolve(ok))]);
    // The share is read at most every 250 ms: the first calls may predate the other process.
    await new Promise((resolve) => setTimeout(resolve, 300));

    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        a.run(async () => {
          peak = Math.max(peak, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight--;
          return ok;
        }),
      ),
    );
    expect(peak).toBe(4);
    expect(a.allowed).toBe(4);
  });
});
