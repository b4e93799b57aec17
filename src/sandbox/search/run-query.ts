import type { Account } from '../http/accounts.ts';
import { compileQuery } from '../jql/compile.ts';
import { parseJql } from '../jql/parse.ts';
import { evalContextFor } from '../routes/route-context.ts';
import type { SandboxRuntime } from '../runtime.ts';

/** The ordered ids matching a query, and whether the query restricts anything. */
export interface QueryResult {
  readonly ids: readonly number[];
  readonly bounded: boolean;
}

interface CacheEntry {
  readonly version: number;
  readonly at: number;
  readonly result: QueryResult;
}

const CACHE_TTL_MS = 10_000;
/** Periods (-5d, 4w) and date functions make a result depend on the clock, not only on the data. */
const CLOCK_DEPENDENT = /(?:^|[\s(,'"=<>])[-+]?\d+\s*[wdhm]\b|\b(?:now|startof\w+|endof\w+)\s*\(/i;
const CACHE_SIZE = 16;
const caches = new WeakMap<SandboxRuntime, Map<string, CacheEntry>>();

function evaluate(
  runtime: SandboxRuntime,
  account: Account | null,
  jql: string,
  reconcile: ReadonlySet<number>,
): QueryResult {
  const compiled = compileQuery(parseJql(jql), evalContextFor(runtime, account));
  const lag = runtime.limits.searchLagMs;
  const { store } = runtime;
  const states =
    lag > 0
      ? store.changeLog.statesAt(runtime.now() - lag, store.allIssues(), reconcile)
      : store.allIssues();
  const matching = [];
  for (const issue of states) if (compiled.matches(issue)) matching.push(issue);
  return { ids: compiled.sort(matching).map((issue) => issue.id), bounded: compiled.bounded };
}

/**
 * Runs JQL for a caller. Results are cached briefly (until the data changes, or for ten seconds when the query depends on the clock) so
 * that paging through 100,000 issues does not re-sort them for every page; JQL errors are thrown.
 */
export function runQuery(
  runtime: SandboxRuntime,
  account: Account | null,
  jql: string,
  /** Issue ids to see as they are now, despite the search lag (Cloud's `reconcileIssues`). */
  reconcile: ReadonlySet<number> = new Set(),
): QueryResult {
  let cache = caches.get(runtime);
  if (cache === undefined) {
    cache = new Map();
    caches.set(runtime, cache);
  }
  // With a search lag, every moment sees different data: no caching.
  if (runtime.limits.searchLagMs > 0) return evaluate(runtime, account, jql, reconcile);
  const key = `${account?.user.id ?? ''}\u0000${jql}`;
  const now = runtime.now();
  const hit = cache.get(key);
  const fresh = !CLOCK_DEPENDENT.test(jql) || now - (hit?.at ?? 0) < CACHE_TTL_MS;
  if (hit !== undefined && hit.version === runtime.store.version && fresh) return hit.result;
  const result = evaluate(runtime, account, jql, reconcile);
  cache.delete(key);
  cache.set(key, { version: runtime.store.version, at: now, result });
  for (const oldest of cache.keys()) {
    if (cache.size <= CACHE_SIZE) break;
    cache.delete(oldest);
  }
  return result;
}
