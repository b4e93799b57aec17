import type { JiraResult } from '../jira/index.ts';

/** How many requests a site may have in flight: from `min` to `max`, starting at `initial`. */
export interface BudgetBounds {
  min: number;
  initial: number;
  max: number;
}

/** Six at first, up to eight: Atlassian's burst limits make more counterproductive. */
export const DEFAULT_BOUNDS: BudgetBounds = { min: 1, initial: 6, max: 8 };

/**
 * The request budget of one Jira site, shared by every run that talks to it. It adapts like TCP:
 * a 429 halves the requests allowed in flight and pauses the site for its Retry-After; a run of
 * clean answers lets one more request in.
 */
export class SiteBudget {
  private limit: number;
  private active = 0;
  private clean = 0;
  private pausedUntil = 0;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly bounds: BudgetBounds = DEFAULT_BOUNDS,
    private readonly now: () => number = Date.now,
  ) {
    this.limit = bounds.initial;
  }

  /** Requests currently allowed in flight. */
  get allowed(): number {
    return this.limit;
  }

  /** Runs `call` when the budget allows, and learns from its answer. */
  async run<T>(call: () => Promise<JiraResult<T>>): Promise<JiraResult<T>> {
    await this.acquire();
    try {
      const result = await call();
      this.observe(result);
      return result;
    } finally {
      this.active--;
      this.wakeAll();
    }
  }

  private async acquire(): Promise<void> {
    for (;;) {
      const pause = this.pausedUntil - this.now();
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
      else if (this.active < this.limit) {
        this.active++;
        return;
      } else await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private observe(result: JiraResult<unknown>): void {
    if (!result.ok && result.error.kind === 'rate_limited') {
      const now = this.now();
      // Requests sent together meet the same 429: one halving per pause, not one per request.
      if (now >= this.pausedUntil)
        this.limit = Math.max(this.bounds.min, Math.floor(this.limit / 2));
      this.pausedUntil = Math.max(this.pausedUntil, now + (result.error.retryAfterMs ?? 1000));
      this.clean = 0;
      return;
    }
    this.clean++;
    if (this.clean >= this.limit * 4 && this.limit < this.bounds.max) {
      this.limit++;
      this.clean = 0;
    }
  }

  private wakeAll(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }
}

const budgets = new Map<string, SiteBudget>();

/** The budget of the site at `siteUrl`, shared by every run in this process. */
export function budgetFor(siteUrl: string): SiteBudget {
  const key = siteUrl.replace(/\/+$/, '').toLowerCase();
  let budget = budgets.get(key);
  if (budget === undefined) {
    budget = new SiteBudget();
    budgets.set(key, budget);
  }
  return budget;
}
