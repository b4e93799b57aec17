import { Hono } from 'hono';
import { canBrowse } from '../http/authenticate.ts';
import type { SandboxEnv } from '../http/env.ts';
import { intParam, jiraError } from '../http/respond.ts';
import { restUrl } from '../render/context.ts';
import { renderProject, renderProjectRef } from '../render/config.ts';
import { requestScope, type ApiScope } from './route-context.ts';

/** `/project` (a bare array, as Data Center and old Cloud answer), `/project/search` (Cloud, paged) and `/project/{idOrKey}`. */
export function projectRoutes(scope: ApiScope): Hono<SandboxEnv> {
  const { runtime } = scope;
  const app = new Hono<SandboxEnv>();
  const visibleProjects = (account: Parameters<typeof canBrowse>[1]) =>
    runtime.store.projects
      .filter((p) => canBrowse(runtime, account, p.id))
      .sort((a, b) => a.key.localeCompare(b.key));

  app.get('/project', (c) => {
    const { account, render } = requestScope(c, scope);
    return c.json(visibleProjects(account).map((p) => renderProjectRef(render, p)));
  });

  if (runtime.flavor === 'cloud') {
    app.get('/project/search', (c) => {
      const { account, render } = requestScope(c, scope);
      const startAt = Math.max(0, intParam(c.req.query('startAt'), 0));
      const asked = intParam(c.req.query('maxResults'), 50);
      const maxResults = asked > 100 || asked < 1 ? 100 : asked;
      const keys = c.req.queries('keys')?.flatMap((k) => k.split(',')) ?? [];
      const query = c.req.query('query')?.toLowerCase();
      const matching = visibleProjects(account).filter(
        (p) =>
          (keys.length === 0 || keys.includes(p.key)) &&
          (query === undefined ||
            p.key.toLowerCase().includes(query) ||
            p.name.toLowerCase().includes(query)),
      );
      const page = matching.slice(startAt, startAt + maxResults);
      const isLast = startAt + page.length >= matching.length;
      const pageUrl = (at: number): string =>
        restUrl(render, `project/search?startAt=${at}&maxResults=${maxResults}`);
      return c.json({
        self: pageUrl(startAt),
        ...(isLast ? {} : { nextPage: pageUrl(startAt + maxResults) }),
        maxResults,
        startAt,
        total: matching.length,
        isLast,
        values: page.map((p) => ({
          ...renderProjectRef(render, p),
          style: 'classic',
          isPrivate: false,
          properties: {},
        })),
      });
    });
  }

  app.get('/project/:projectIdOrKey', (c) => {
    const { account, render } = requestScope(c, scope);
    const wanted = c.req.param('projectIdOrKey');
    const project = runtime.store.findProject(wanted);
    if (project === undefined || !canBrowse(runtime, account, project.id)) {
      return jiraError(c, 404, [`No project could be found with key '${wanted}'.`]);
    }
    return c.json(renderProject(render, project));
  });
  return app;
}
