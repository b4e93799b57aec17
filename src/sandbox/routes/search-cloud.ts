import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxEnv } from '../http/env.ts';
import { intParam, jiraError, readBody } from '../http/respond.ts';
import { JqlError } from '../jql/errors.ts';
import { selectFields } from '../render/fields.ts';
import { fieldNames } from '../render/issue.ts';
import { decodePageToken, encodePageToken } from '../search/page-token.ts';
import { renderPage, SHORT_PAGE_BYTES } from '../search/render-page.ts';
import { runQuery } from '../search/run-query.ts';
import { ISSUE_NOT_FOUND, requestScope, visibleIssue, type ApiScope } from './route-context.ts';

const ID_ONLY_MAX = 5000;
const UNBOUNDED =
  'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';
const REMOVED =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

const SearchBody = z.object({
  jql: z.string().optional(),
  nextPageToken: z.string().optional(),
  maxResults: z.number().int().optional(),
  fields: z.array(z.string()).optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
  reconcileIssues: z.array(z.number().int()).optional(),
});

interface SearchRequest {
  readonly jql: string;
  readonly nextPageToken: string | undefined;
  readonly maxResults: number;
  readonly fields: readonly string[];
  readonly expand: string;
  readonly reconcileIssues: readonly number[];
}

function json(c: Context<SandboxEnv>, body: string): Response {
  return c.body(body, 200, { 'Content-Type': 'application/json;charset=UTF-8' });
}

/** Runs a bounded query and answers one page: nextPageToken until the last page, `id` only unless fields are asked for. */
function searchPage(c: Context<SandboxEnv>, scope: ApiScope, request: SearchRequest): Response {
  const { runtime } = scope;
  const { account, render } = requestScope(c, scope);
  let ids: readonly number[];
  try {
    if (request.reconcileIssues.length > 50) {
      return jiraError(c, 400, ['The number of reconcileIssues must not exceed 50.']);
    }
    const result = runQuery(runtime, account, request.jql, new Set(request.reconcileIssues));
    if (!result.bounded) return jiraError(c, 400, [UNBOUNDED]);
    ids = result.ids;
  } catch (error) {
    if (error instanceof JqlError) return jiraError(c, 400, [error.message]);
    throw error;
  }
  const now = runtime.now();
  const offset =
    request.nextPageToken === undefined
      ? 0
      : decodePageToken(request.nextPageToken, request.jql, now);
  if (offset === null)
    return jiraError(c, 400, ['The provided next page token is invalid or expired.']);
  const selection = selectFields(request.fields, 'id');
  const cap = selection.idOnly ? ID_ONLY_MAX : runtime.limits.pageCap;
  const size = Math.min(Math.max(1, request.maxResults), cap);
  const budget = selection.idOnly ? Number.POSITIVE_INFINITY : SHORT_PAGE_BYTES;
  const page = renderPage(runtime, render, ids.slice(offset, offset + size), selection, budget);
  const next = offset + page.consumed;
  const isLast = next >= ids.length;
  const names = request.expand.split(',').includes('names')
    ? `,"names":${JSON.stringify(fieldNames())}`
    : '';
  const token = isLast
    ? ''
    : `,"nextPageToken":${JSON.stringify(encodePageToken(request.jql, next, now))}`;
  return json(c, `{"issues":[${page.json.join(',')}]${names}${token},"isLast":${isLast}}`);
}

/** Cloud's issue search: `/search/jql` (GET and POST), `/issue/bulkfetch`, `/search/approximate-count`, and the removed `/search` (410). */
export function cloudSearchRoutes(scope: ApiScope): Hono<SandboxEnv> {
  const { runtime } = scope;
  const app = new Hono<SandboxEnv>();
  app.get('/search/jql', (c) =>
    searchPage(c, scope, {
      jql: c.req.query('jql') ?? '',
      nextPageToken: c.req.query('nextPageToken'),
      maxResults: intParam(c.req.query('maxResults'), 50),
      fields: c.req.queries('fields') ?? [],
      expand: c.req.query('expand') ?? '',
      reconcileIssues: (c.req.queries('reconcileIssues') ?? [])
        .flatMap((v) => v.split(','))
        .map(Number)
        .filter(Number.isInteger),
    }),
  );
  app.post('/search/jql', async (c) => {
    const body = await readBody(c, SearchBody);
    if (body instanceof Response) return body;
    return searchPage(c, scope, {
      jql: body.jql ?? '',
      nextPageToken: body.nextPageToken,
      maxResults: body.maxResults ?? 50,
      fields: body.fields ?? [],
      expand: body.expand ?? '',
      reconcileIssues: body.reconcileIssues ?? [],
    });
  });
  app.post('/search/approximate-count', async (c) => {
    const body = await readBody(c, z.object({ jql: z.string().optional() }));
    if (body instanceof Response) return body;
    const { account } = requestScope(c, scope);
    try {
      const result = runQuery(runtime, account, body.jql ?? '');
      return result.bounded ? c.json({ count: result.ids.length }) : jiraError(c, 400, [UNBOUNDED]);
    } catch (error) {
      if (error instanceof JqlError) return jiraError(c, 400, [error.message]);
      throw error;
    }
  });
  app.post('/issue/bulkfetch', async (c) => bulkFetch(c, scope, await readBody(c, BulkBody)));
  app.on(['GET', 'POST'], '/search', (c) => jiraError(c, 410, [REMOVED]));
  return app;
}

const BulkBody = z.object({
  issueIdsOrKeys: z.array(z.string()),
  fields: z.array(z.string()).optional(),
  expand: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
  properties: z.array(z.string()).optional(),
});

function bulkFetch(
  c: Context<SandboxEnv>,
  scope: ApiScope,
  body: z.infer<typeof BulkBody> | Response,
): Response {
  if (body instanceof Response) return body;
  if (body.issueIdsOrKeys.length === 0 || body.issueIdsOrKeys.length > 100) {
    return jiraError(c, 400, ['The number of issue IDs or keys must be between 1 and 100.']);
  }
  const { account, render } = requestScope(c, scope);
  const found = new Map<number, string>();
  const issueErrors: { id: string; errorMessage: string }[] = [];
  for (const wanted of body.issueIdsOrKeys) {
    const issue = visibleIssue(scope.runtime, account, wanted);
    if (issue === undefined) issueErrors.push({ id: wanted, errorMessage: ISSUE_NOT_FOUND });
    else found.set(issue.id, wanted);
  }
  const ids = [...found.keys()].sort((a, b) => a - b);
  const page = renderPage(
    scope.runtime,
    render,
    ids,
    { ...selectFields(body.fields ?? [], '*navigable'), idOnly: false },
    Number.POSITIVE_INFINITY,
  );
  return json(
    c,
    `{"issues":[${page.json.join(',')}],"issueErrors":${JSON.stringify(issueErrors)}}`,
  );
}
