import { Hono, type Context } from 'hono';
import { ISSUE_TYPES } from '../domain/catalog.ts';
import { createScreen } from '../domain/create-screens.ts';
import type { ProjectRecord } from '../domain/model.ts';
import { canBrowse } from '../http/authenticate.ts';
import type { SandboxEnv } from '../http/env.ts';
import { intParam, jiraError } from '../http/respond.ts';
import { renderIssueType } from '../render/config.ts';
import { renderCreateField } from '../render/create-meta.ts';
import { requestScope, type ApiScope } from './route-context.ts';

/** Cloud refuses pages above this size; Data Center documents no limit. */
const CLOUD_MAX_RESULTS = 200;

interface PageRequest {
  startAt: number;
  maxResults: number;
}

function readPage(c: Context<SandboxEnv>, scope: ApiScope): PageRequest | Response {
  const startAt = Math.max(0, intParam(c.req.query('startAt'), 0));
  const maxResults = intParam(c.req.query('maxResults'), 50);
  if (scope.runtime.flavor === 'cloud' && maxResults > CLOUD_MAX_RESULTS)
    return jiraError(c, 400, [
      `Parameter 'maxResults' must not exceed the limit '${CLOUD_MAX_RESULTS}'`,
    ]);
  return { startAt, maxResults: Math.min(Math.max(1, maxResults), scope.runtime.limits.pageCap) };
}

/** Cloud names the list after its content (`issueTypes`, `fields`); Data Center calls it `values` and adds `isLast`. */
function page(
  scope: ApiScope,
  listName: 'issueTypes' | 'fields',
  items: readonly Record<string, unknown>[],
  request: PageRequest,
): Record<string, unknown> {
  const slice = items.slice(request.startAt, request.startAt + request.maxResults);
  const envelope = {
    maxResults: request.maxResults,
    startAt: request.startAt,
    total: items.length,
  };
  if (scope.runtime.flavor === 'cloud') return { ...envelope, [listName]: slice };
  return { ...envelope, isLast: request.startAt + slice.length >= items.length, values: slice };
}

/** `GET /issue/createmeta/{projectIdOrKey}/issuetypes[/{issueTypeId}]`: paged issue types and create-screen fields. */
export function createMetaRoutes(scope: ApiScope): Hono<SandboxEnv> {
  const { runtime } = scope;
  const app = new Hono<SandboxEnv>();
  const findProject = (c: Context<SandboxEnv>): ProjectRecord | Response => {
    const { account } = requestScope(c, scope);
    const key = c.req.param('projectIdOrKey') ?? '';
    const project = runtime.store.findProject(key);
    if (project === undefined || !canBrowse(runtime, account, project.id))
      return jiraError(c, 400, [`No project could be found with key '${key}'.`]);
    return project;
  };
  app.get('/issue/createmeta/:projectIdOrKey/issuetypes', (c) => {
    const project = findProject(c);
    if (project instanceof Response) return project;
    const request = readPage(c, scope);
    if (request instanceof Response) return request;
    const { render } = requestScope(c, scope);
    const types = ISSUE_TYPES.map((t) => renderIssueType(render, t));
    return c.json(page(scope, 'issueTypes', types, request));
  });
  app.get('/issue/createmeta/:projectIdOrKey/issuetypes/:issueTypeId', (c) => {
    const project = findProject(c);
    if (project instanceof Response) return project;
    const request = readPage(c, scope);
    if (request instanceof Response) return request;
    const type = ISSUE_TYPES.find((t) => t.id === c.req.param('issueTypeId'));
    if (type === undefined)
      return jiraError(c, 400, [
        `Issue type with id '${c.req.param('issueTypeId')}' does not exist.`,
      ]);
    const { render } = requestScope(c, scope);
    const fields = createScreen(type.id).map((f) => renderCreateField(render, f, project, type));
    return c.json(page(scope, 'fields', fields, request));
  });
  return app;
}
