import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxEnv } from '../http/env.ts';
import { intParam, jiraError, readBody } from '../http/respond.ts';
import { JqlError } from '../jql/errors.ts';
import { selectFields } from '../render/fields.ts';
import { fieldNames } from '../render/issue.ts';
import { renderPage } from '../search/render-page.ts';
import { runQuery } from '../search/run-query.ts';
import { requestScope, type ApiScope } from './route-context.ts';

const SearchBody = z.object({
  jql: z.string().optional(),
  startAt: z.number().int().optional(),
  maxResults: z.number().int().optional(),
  fields: z.array(z.string()).optional(),
  expand: z.array(z.string()).optional(),
  validateQuery: z.union([z.boolean(), z.string()]).optional(),
});

interface SearchRequest {
  readonly jql: string;
  readonly startAt: number;
  readonly maxResults: number;
  readonly fields: readonly string[];
  readonly expand: readonly string[];
}

/** Answers a startAt/total page; maxResults above the cap is lowered silently and the lowered value echoed. */
function searchPage(c: Context<SandboxEnv>, scope: ApiScope, request: SearchRequest): Response {
  const { runtime } = scope;
  const { account, render } = requestScope(c, scope);
  let ids: readonly number[];
  try {
    ids = runQuery(runtime, account, request.jql).ids;
  } catch (error) {
    if (error instanceof JqlError) return jiraError(c, 400, [error.message]);
    throw error;
  }
  const startAt = Math.max(0, request.startAt);
  const maxResults = Math.min(Math.max(0, request.maxResults), runtime.limits.pageCap);
  // Unlike Cloud's /search/jql, the legacy search always sends id, self and key: at least `fields: {}`.
  const selection = { ...selectFields(request.fields, '*navigable'), idOnly: false };
  const page = renderPage(
    runtime,
    render,
    ids.slice(startAt, startAt + maxResults),
    selection,
    Number.POSITIVE_INFINITY,
  );
  const names = request.expand.includes('names') ? `,"names":${JSON.stringify(fieldNames())}` : '';
  const body = `{"expand":"schema,names","startAt":${startAt},"maxResults":${maxResults},"total":${ids.length},"issues":[${page.json.join(',')}]${names}}`;
  return c.body(body, 200, { 'Content-Type': 'application/json;charset=UTF-8' });
}

function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(',')).filter((value) => value !== '');
}

/** Data Center's `/search` (GET and POST) with startAt, maxResults and total. */
export function dataCenterSearchRoutes(scope: ApiScope): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get('/search', (c) =>
    searchPage(c, scope, {
      jql: c.req.query('jql') ?? '',
      startAt: intParam(c.req.query('startAt'), 0),
      maxResults: intParam(c.req.query('maxResults'), 50),
      fields: c.req.queries('fields') ?? [],
      expand: splitList(c.req.queries('expand')),
    }),
  );
  app.post('/search', async (c) => {
    const body = await readBody(c, SearchBody);
    if (body instanceof Response) return body;
    return searchPage(c, scope, {
      jql: body.jql ?? '',
      startAt: body.startAt ?? 0,
      maxResults: body.maxResults ?? 50,
      fields: body.fields ?? [],
      expand: body.expand ?? [],
    });
  });
  return app;
}
