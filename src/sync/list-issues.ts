import type { JiraIssue } from '../jira/index.ts';
import type { SyncError } from '../shared/mirror.ts';
import type { SyncContext } from './context.ts';
import { syncErrorFor } from './context.ts';
import { retrying } from './retrying.ts';

/** Cloud id-only search pages hold up to this many ids. */
const ID_PAGE = 5000;
/** Ids per bulk fetch (Cloud's limit). */
const CHUNK = 100;
/** What Server/DC is asked for per page; it may cap lower, silently. */
const DC_PAGE = 1000;

/**
 * A unit of sync work: issues whose ids lie in (after, upTo], upTo null meaning "and beyond". On
 * Cloud it carries ids still to fetch; on Server/DC the search already returned the issues.
 */
export type IssueUnit =
  | { kind: 'ids'; after: number; upTo: number | null; ids: string[] }
  | { kind: 'issues'; after: number; upTo: number | null; issues: JiraIssue[] }
  | { kind: 'failed'; error: SyncError };

/** The JQL of one keyset page: `filter` restricted to ids above `after`, in id order. */
export function keysetJql(filter: string, after: number): string {
  const restriction = `id > ${after}`;
  return `${filter === '' ? restriction : `(${filter}) AND ${restriction}`} ORDER BY id ASC`;
}

/** Whether ids rise strictly from above `after`, as keyset pages in id order must. */
export function ascending(ids: readonly number[], after: number): boolean {
  return ids.every((id, i) => id > (i === 0 ? after : (ids[i - 1] ?? after)));
}

/** What a page out of id order amounts to (a keyset walk over it could skip issues). */
export const UNORDERED: SyncError = {
  code: 'jira_error',
  message: 'Jira did not return the issues in id order.',
};
const unordered: IssueUnit = { kind: 'failed', error: UNORDERED };

/** One Cloud id-only keyset page. */
function idPage(ctx: SyncContext, jql: string) {
  return retrying(
    () => ctx.client.searchJql({ jql, maxResults: ID_PAGE, fields: ['id'] }),
    ctx.signal,
  );
}

/**
 * Lists the issues matching `filter` with id above `after` as units of work. Every page is a new
 * keyset query (`id > last`) rather than a page token or offset, so issues deleted or created
 * meanwhile cannot shift a page and hide an issue. Yields a final unit with `upTo: null`.
 */
export async function* listIssueUnits(
  ctx: SyncContext,
  filter: string,
  after: number,
): AsyncGenerator<IssueUnit> {
  let lower = after;
  let prefetched: ReturnType<typeof idPage> | null = null;
  for (;;) {
    if (ctx.signal.aborted) {
      yield { kind: 'failed', error: { code: 'cancelled', message: 'The run was stopped.' } };
      return;
    }
    const jql = keysetJql(filter, lower);
    if (ctx.deployment === 'cloud') {
      const page = await (prefetched ?? idPage(ctx, jql));
      prefetched = null;
      if (!page.ok) {
        yield { kind: 'failed', error: syncErrorFor(page.error) };
        return;
      }
      const ids = page.value.issues.map((hit) => hit.id);
      const numbers = ids.map(Number);
      if (!ascending(numbers, lower)) {
        yield unordered;
        return;
      }
      const last =
        page.value.isLast === true || page.value.nextPageToken === undefined || ids.length === 0;
      // The next page is asked for now, so that it is there when the bulk fetches of this one run out.
      if (!last) prefetched = idPage(ctx, keysetJql(filter, numbers[numbers.length - 1] ?? lower));
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        const final = last && i + CHUNK >= ids.length;
        const upTo = final ? null : Number(chunk[chunk.length - 1]);
        yield { kind: 'ids', after: lower, upTo, ids: chunk };
        if (upTo !== null) lower = upTo;
      }
      if (ids.length === 0) yield { kind: 'ids', after: lower, upTo: null, ids: [] };
      if (last) return;
    } else {
      const page = await retrying(
        () => ctx.client.searchLegacy({ jql, maxResults: DC_PAGE, fields: ['*all'] }),
        ctx.signal,
      );
      if (!page.ok) {
        yield { kind: 'failed', error: syncErrorFor(page.error) };
        return;
      }
      const { issues, total } = page.value;
      const numbers = issues.map((issue) => Number(issue.id));
      if (!ascending(numbers, lower)) {
        yield unordered;
        return;
      }
      const last = issues.length >= total || issues.length === 0;
      const upTo = last ? null : (numbers[numbers.length - 1] ?? null);
      yield { kind: 'issues', after: lower, upTo, issues };
      if (upTo === null) return;
      lower = upTo;
    }
  }
}
