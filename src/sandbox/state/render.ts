import type { Account } from '../http/accounts.ts';
import { selectFields } from '../render/fields.ts';
import { renderIssue } from '../render/issue.ts';
import { renderContextFor } from '../routes/route-context.ts';
import type { SandboxRuntime } from '../runtime.ts';

/** Renders an issue with all fields as GET /issue would for the account; undefined if there is none. */
export function createRenderedIssue(
  runtime: SandboxRuntime,
  account: Account,
  idOrKey: string,
  version: '2' | '3',
): Record<string, unknown> | undefined {
  const issue = runtime.store.findIssue(idOrKey);
  if (issue === undefined) return undefined;
  return renderIssue(
    issue,
    renderContextFor({ runtime, version }, account),
    selectFields([], '*all'),
  );
}
