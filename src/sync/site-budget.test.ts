import { describe, expect, it } from 'vitest';
import type { JiraResult } from '../jira/index.ts';
import { SiteBudget } from './site-budget.ts';

const meta = { status: 200, redirects: 0, attempts: 1 };
const ok: JiraResult<number> = { ok: true, value: 1, meta };
const limited: JiraResult<number> = {
  ok: false,
  error: { kind: 'rate_limited', status: 429, retryAfterMs: 5 },
};

describe('SiteBudget', () => {
  it('never lets more requests out than allowed', async () => {
    const budget = new SiteBudget({ min: 1, initial: 3, max: 3 });
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        budget.run(async () => {
          peak = Math.max(peak, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inFlight--;
          return ok;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('halves once for a burst of 429s, then grows back on clean answers', async () => {
    const budget = new SiteBudget({ min: 1, initial: 8, max: 8 });
    await Promise.all(Array.from({ length: 8 }, () => budget.run(() => Promise.resolve(limited))));
    expect(budget.allowed).toBe(4);
    for (let i = 0; i < 200; i++) await budget.run(() => Promise.resolve(ok));
    expect(budget.allowed).toBe(8);
  });
});
