import type { Flavor } from '../domain/model.ts';
import type { SandboxStore } from '../domain/store.ts';

/** What rendering needs to know: where the API lives, which version, whose time zone. */
export interface RenderContext {
  readonly store: SandboxStore;
  readonly flavor: Flavor;
  /** Base URL including the context path, no trailing slash. */
  readonly baseUrl: string;
  readonly version: '2' | '3';
  /** Dates are shown in the requesting user's zone, as Jira shows them. */
  readonly timeZone: string;
  /** Per-request cache of rendered users, statuses and such: a page repeats them many times. */
  readonly memo: Map<string, Rendered | null>;
}

/** A rendered JSON object. */
export type Rendered = Record<string, unknown>;

/** Renders an object once per request and reuses it (JSON.stringify handles shared objects fine). */
export function memoize(
  ctx: RenderContext,
  key: string,
  render: () => Rendered | null,
): Rendered | null {
  const cached = ctx.memo.get(key);
  if (cached !== undefined) return cached;
  const value = render();
  ctx.memo.set(key, value);
  return value;
}

/** The URL of a REST resource in the context's API version. */
export function restUrl(ctx: RenderContext, path: string): string {
  return `${ctx.baseUrl}/rest/api/${ctx.version}/${path}`;
}
