import type { RenderContext } from '../render/context.ts';
import type { FieldSelection } from '../render/fields.ts';
import { renderIssue } from '../render/issue.ts';
import type { SandboxRuntime } from '../runtime.ts';

/** Above this many bytes a full-field page ends early, as Cloud does when many fields are asked for. */
export const SHORT_PAGE_BYTES = 512 * 1024;

/** Serialized issues of one page and how many ids of the result they consumed. */
export interface RenderedPage {
  readonly json: string[];
  readonly consumed: number;
}

/**
 * Serializes issues one by one (cheaper than one big stringify, and it lets a page stop at a byte
 * budget). Ids that vanished since the query ran are skipped but still consumed.
 */
export function renderPage(
  runtime: SandboxRuntime,
  render: RenderContext,
  ids: readonly number[],
  selection: FieldSelection,
  byteBudget: number,
): RenderedPage {
  const json: string[] = [];
  let bytes = 0;
  let consumed = 0;
  for (const id of ids) {
    if (json.length > 0 && bytes >= byteBudget) break;
    consumed++;
    const issue = runtime.store.issueById(id);
    if (issue === undefined) continue;
    const text = JSON.stringify(renderIssue(issue, render, selection));
    bytes += text.length;
    json.push(text);
  }
  return { json, consumed };
}
