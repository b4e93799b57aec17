import type { JiraClient } from './client.ts';
import type { SearchJqlRequest, LegacySearchRequest } from './endpoints/search.ts';
import type { JiraError, ResponseMeta } from './errors.ts';
import type { JiraComment } from './schemas/comment.ts';
import type { JiraIssue } from './schemas/issue.ts';
import type { JiraProject } from './schemas/project.ts';
import type { SearchHit } from './schemas/search.ts';

/**
 * One page of a paged listing, or the error that ended it. Iteration stops
 * after an error; `resume` is what to pass to start again from that page
 * (a nextPageToken or a startAt), so a crashed sync can continue.
 */
export type PageResult<T> =
  | { ok: true; items: T[]; meta: ResponseMeta; resume: string | number | undefined }
  | { ok: false; error: JiraError; resume: string | number | undefined };

/**
 * Pages through Cloud `/search/jql` by `nextPageToken` until `isLast`. A page
 * may be short while more remain, so only `isLast` (or a missing token) ends it.
 */
export async function* paginateSearchJql(
  client: JiraClient,
  request: Omit<SearchJqlRequest, 'nextPageToken'>,
  startToken?: string,
): AsyncGenerator<PageResult<SearchHit>> {
  let token = startToken;
  for (;;) {
    const page = await client.searchJql({
      ...request,
      ...(token === undefined ? {} : { nextPageToken: token }),
    });
    if (!page.ok) {
      yield { ok: false, error: page.error, resume: token };
      return;
    }
    const next = page.value.nextPageToken;
    const last = page.value.isLast === true || next === undefined || next === token;
    yield { ok: true, items: page.value.issues, meta: page.meta, resume: last ? undefined : next };
    if (last) return;
    token = next;
  }
}

/**
 * Pages through Server/DC `/search` by `startAt`, advancing by the issues
 * actually returned because Jira caps `maxResults` silently.
 */
export async function* paginateLegacySearch(
  client: JiraClient,
  request: Omit<LegacySearchRequest, 'startAt'>,
  startAt = 0,
): AsyncGenerator<PageResult<JiraIssue>> {
  let at = startAt;
  for (;;) {
    const page = await client.searchLegacy({ ...request, startAt: at });
    if (!page.ok) {
      yield { ok: false, error: page.error, resume: at };
      return;
    }
    at += page.value.issues.length;
    const last = page.value.issues.length === 0 || at >= page.value.total;
    yield { ok: true, items: page.value.issues, meta: page.meta, resume: last ? undefined : at };
    if (last) return;
  }
}

/** Pages through Cloud `/project/search` until `isLast`. */
export async function* paginateProjects(
  client: JiraClient,
  pageSize = 50,
): AsyncGenerator<PageResult<JiraProject>> {
  let at = 0;
  for (;;) {
    const page = await client.searchProjects({ startAt: at, maxResults: pageSize });
    if (!page.ok) {
      yield { ok: false, error: page.error, resume: at };
      return;
    }
    at += page.value.values.length;
    const total = page.value.total ?? Number.POSITIVE_INFINITY;
    const last = page.value.isLast === true || page.value.values.length === 0 || at >= total;
    yield { ok: true, items: page.value.values, meta: page.meta, resume: last ? undefined : at };
    if (last) return;
  }
}

/** Pages through an issue's comments by `startAt` until `total`. */
export async function* paginateComments(
  client: JiraClient,
  idOrKey: string,
  pageSize = 100,
): AsyncGenerator<PageResult<JiraComment>> {
  let at = 0;
  for (;;) {
    const page = await client.getComments(idOrKey, { startAt: at, maxResults: pageSize });
    if (!page.ok) {
      yield { ok: false, error: page.error, resume: at };
      return;
    }
    at += page.value.comments.length;
    const last = page.value.comments.length === 0 || at >= page.value.total;
    yield { ok: true, items: page.value.comments, meta: page.meta, resume: last ? undefined : at };
    if (last) return;
  }
}
