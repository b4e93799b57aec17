import { createRandom, type Random } from './domain/random.ts';
import type { Flavor } from './domain/model.ts';
import { SandboxStore } from './domain/store.ts';
import { AccountRegistry } from './http/accounts.ts';
import type { Limits, ResolvedOptions } from './options.ts';

/** Requests seen, in total and per `METHOD /path` (path without the context path or query). */
export interface RequestStats {
  total: number;
  readonly byRoute: Map<string, number>;
}

/** Everything a running sandbox's handlers share. */
export interface SandboxRuntime {
  readonly flavor: Flavor;
  readonly options: ResolvedOptions;
  readonly store: SandboxStore;
  readonly accounts: AccountRegistry;
  limits: Limits;
  readonly stats: RequestStats;
  /** Set once the server listens. */
  baseUrl: string;
  anonymousBrowse: boolean;
  readonly faultRandom: Random;
  readonly now: () => number;
}

/** Generates the data and wires the shared state for one sandbox. */
export function createRuntime(options: ResolvedOptions): SandboxRuntime {
  return {
    flavor: options.flavor,
    options,
    store: new SandboxStore({
      flavor: options.flavor,
      seed: options.seed,
      projects: options.projects,
      issues: options.issues,
      timeZone: options.timeZone,
      anchorTime: options.anchorTime,
    }),
    accounts: new AccountRegistry(options.captchaAfterFailures),
    limits: { ...options.limits },
    stats: { total: 0, byRoute: new Map() },
    baseUrl: '',
    anonymousBrowse: options.anonymousBrowse,
    faultRandom: createRandom(options.seed ^ 0xfa17),
    now: () => Date.now(),
  };
}
