import type { Flavor } from '../data/model.ts';
import type { SandboxStore } from '../data/store.ts';

/** What rendering needs to know: where the API lives, which version, whose time zone. */
export interface RenderContext {
  readonly store: SandboxStore;
  readonly flavor: Flavor;
  /** Base URL including the context path, no trailing slash. */
  readonly baseUrl: string;
  readonly version: '2' | '3';
  /** Dates are shown in the requesting user's zone, as Jira shows them. */
  readonly timeZone: string;
}

/** The URL of a REST resource in the context's API version. */
export function restUrl(ctx: RenderContext, path: string): string {
  return `${ctx.baseUrl}/rest/api/${ctx.version}/${path}`;
}
