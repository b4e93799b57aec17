import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { holdSiteShare, pauseSite } from '../storage/site-shares.ts';
import type { SiteCoordinator } from './site-budget.ts';
import { SiteBudget, siteKey } from './site-budget.ts';

// A process that stops refreshing (idle, or dead) leaves the site's senders after this long.
const SHARE_TTL_MS = 5000;

/** This process among the senders to a site. */
const PROCESS_HOLDER = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** A coordinator through the database, for processes that share one (PostgreSQL). */
export function databaseCoordinator(
  db: Kysely<Database>,
  site: string,
  holder: string = PROCESS_HOLDER,
): SiteCoordinator {
  return {
    async refresh() {
      const now = Date.now();
      const state = await holdSiteShare(db, {
        site,
        holder,
        expiresAt: new Date(now + SHARE_TTL_MS).toISOString(),
        now: new Date(now).toISOString(),
      });
      const pausedUntil = state.pausedUntil === null ? 0 : Date.parse(state.pausedUntil);
      return { pausedUntil, sharers: state.sharers };
    },
    pause: (until) => pauseSite(db, site, new Date(until).toISOString()),
  };
}

const sharedBudgets = new WeakMap<Kysely<Database>, Map<string, SiteBudget>>();

/**
 * The budget of the site at `siteUrl` for every process on the database `db`: each process keeps
 * one per site, and they agree through the database on pauses and shares.
 */
export function sharedBudgetFor(db: Kysely<Database>, siteUrl: string): SiteBudget {
  const key = siteKey(siteUrl);
  let budgets = sharedBudgets.get(db);
  if (budgets === undefined) {
    budgets = new Map();
    sharedBudgets.set(db, budgets);
  }
  let budget = budgets.get(key);
  if (budget === undefined) {
    budget = new SiteBudget(undefined, Date.now, databaseCoordinator(db, key));
    budgets.set(key, budget);
  }
  return budget;
}
