import type { Context } from 'hono';
import type { IssueRecord } from '../domain/model.ts';
import type { Account } from '../http/accounts.ts';
import { canBrowse, currentAccount } from '../http/authenticate.ts';
import type { SandboxEnv } from '../http/env.ts';
import type { EvalContext } from '../jql/context.ts';
import type { RenderContext } from '../render/context.ts';
import type { SandboxRuntime } from '../runtime.ts';

/** What a versioned API router needs: the runtime and the API version it serves. */
export interface ApiScope {
  readonly runtime: SandboxRuntime;
  readonly version: '2' | '3';
}

/** Rendering context for a request: dates in the caller's zone (the site's zone for anonymous). */
export function renderContextFor(scope: ApiScope, account: Account | null): RenderContext {
  const { runtime, version } = scope;
  return {
    store: runtime.store,
    flavor: runtime.flavor,
    baseUrl: runtime.baseUrl,
    version,
    timeZone: account?.user.timeZone ?? runtime.options.timeZone,
    memo: new Map(),
  };
}

/** The request's account and its rendering context. */
export function requestScope(
  c: Context<SandboxEnv>,
  scope: ApiScope,
): { account: Account | null; render: RenderContext } {
  const account = currentAccount(c);
  return { account, render: renderContextFor(scope, account) };
}

/** JQL evaluation context for the caller. */
export function evalContextFor(runtime: SandboxRuntime, account: Account | null): EvalContext {
  return {
    store: runtime.store,
    timeZone: account?.user.timeZone ?? runtime.options.timeZone,
    currentUserId: account?.user.id ?? null,
    now: runtime.now(),
    canBrowse: (projectId) => canBrowse(runtime, account, projectId),
  };
}

/** Finds an issue the caller may see; undefined is answered with Jira's 404 by the caller. */
export function visibleIssue(
  runtime: SandboxRuntime,
  account: Account | null,
  idOrKey: string,
): IssueRecord | undefined {
  const issue = runtime.store.findIssue(idOrKey);
  return issue !== undefined && canBrowse(runtime, account, issue.projectId) ? issue : undefined;
}

/** Jira's 404 message for an issue that does not exist or cannot be seen. */
export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
