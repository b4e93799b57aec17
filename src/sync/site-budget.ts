import type { JiraResult } from '../jira/index.ts';

/** How many requests a site may have in flight: from `min` to `max`, starting at `initial`. */
export interface BudgetBounds {
  min: number;
  initial: number;
  max: number;
}

/**
 * Eight, never more: Atlassian's burst limits make more counterproductive. It starts at the top
 * rather than climbing to it, since the first 429 halves it anyway and a climb costs every clean
 * site the start of each sync.
 */
export const DEFAULT_BOUNDS: BudgetBounds = { min: 1, initial: 8, max: 8 };

/** What the processes sending to one site tell each other (see shared-site-budget.ts). */
export interface SiteCoordinator {
  /** Stays among the site's senders; answers until when anyone paused it and how many send to it. */
  refresh(): Promise<{ pausedUntil: number; sharers: number }>;
  /** Pauses the site for every process until `until` (epoch ms). */
  pause(until: number): Promise<void>;
}

// How stale the shared view may get while requests wait for the budget.
const REFRESH_EVERY_MS = 250;

/**
 * The request budget of one Jira site, shared by every run that talks to it. It adapts like TCP:
 * a 429 halves the requests allowed in flight and pauses the site for its Retry-After; a run of
 * clean answers lets one more request in. With a coordinator, several processes share the site:
 * a pause one of them meets holds for all, and each keeps to its share of `max`.
 */
export class SiteBudget {
  private limit: number;
  private share: number;
  private active = 0;
  private clean = 0;
  private pausedUntil = 0;
  private waiters: (() => void)[] = [];
  private refreshedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly bounds: BudgetBounds = DEFAULT_BOUNDS,
    private readonly now: () => number = Date.now,
    private readonly coordinator?: SiteCoordinator,
  ) {
    this.limit = bounds.initial;
    this.share = bounds.max;
  }

  /** Requests currently allowed in flight. */
  get allowed(): number {
    return Math.min(this.limit, this.share);
  }

  /** Runs `call` when the budget allows, and learns from its answer. */
  async run<T>(call: () => Promise<JiraResult<T>>): Promise<JiraResult<T>> {
    await this.acquire();
    try {
      const result = await call();
      if (this.observe(result) && this.coordinator !== undefined) {
        // If the others cannot be told, this process still keeps the pause; they meet their own 429.
        await this.coordinator.pause(this.pausedUntil).catch(() => undefined);
      }
      return result;
    } finally {
      this.active--;
      this.wakeAll();
    }
  }

  private async acquire(): Promise<void> {
    for (;;) {
      await this.refreshIfDue();
      const pause = this.pausedUntil - this.now();
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
      else if (this.active < this.allowed) {
        this.active++;
        return;
      } else await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Reads the shared pause and share at most every REFRESH_EVERY_MS; one read serves all waiters. */
  private async refreshIfDue(): Promise<void> {
    const { coordinator } = this;
    if (coordinator === undefined || this.now() - this.refreshedAt < REFRESH_EVERY_MS) return;
    this.refreshing ??= coordinator
      .refresh()
      .then(({ pausedUntil, sharers }) => {
        this.pausedUntil = Math.max(this.pausedUntil, pausedUntil);
        this.share = Math.max(this.bounds.min, Math.floor(this.bounds.max / Math.max(1, sharers)));
      })
      // An unreadable shared view leaves the last one in force until the next refresh.
      .catch(() => undefined)
      .finally(() => {
        this.refreshedAt = this.now();
        this.refreshing = undefined;
      });
    await this.refreshing;
  }

  /** Learns from one answer; true when it was a 429 (the site is now paused). */
  private observe(result: JiraResult<unknown>): boolean {
    if (!result.ok && result.error.kind === 'rate_limited') {
      const now = this.now();
      // Requests sent together meet the same 429: one halving per pause, not one per request.
      if (now >= this.pausedUntil)
        this.limit = Math.max(this.bounds.min, Math.floor(this.allowed / 2));
      this.pausedUntil = Math.max(this.pausedUntil, now + (result.error.retryAfterMs ?? 1000));
      this.clean = 0;
      return true;
    }
    this.clean++;
    if (this.clean >= this.limit * 4 && this.limit < this.share) {
      this.limit++;
      this.clean = 0;
    }
    return false;
  }

  private wakeAll(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }
}

const localBudgets = new Map<string, SiteBudget>();

/** A site's key: its base URL without trailing slashes, in lower case. */
export function siteKey(siteUrl: string): string {
  return siteUrl.replace(/\/+$/, '').toLowerCase();
}

/** The budget of the site at `siteUrl`, shared by every run in this process. */
export function budgetFor(siteUrl: string): SiteBudget {
  const key = siteKey(siteUrl);
  let budget = localBudgets.get(key);
  if (budget === undefined) {
    budget = new SiteBudget();
    localBudgets.set(key, budget);
  }
  return budget;
}
