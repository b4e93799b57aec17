import { Hono } from 'hono';
import { z } from 'zod';
import { STATUSES, findStatus, type StatusDef } from '../domain/catalog.ts';
import { requireWriter } from '../http/authenticate.ts';
import type { SandboxEnv } from '../http/env.ts';
import { jiraError, readBody } from '../http/respond.ts';
import { renderStatus } from '../render/config.ts';
import { ISSUE_NOT_FOUND, requestScope, visibleIssue, type ApiScope } from './route-context.ts';

/** Every status can be reached from every other (a global transition per status), as in simple Jira workflows. */
function transitionId(status: StatusDef): string {
  return String((STATUSES.indexOf(status) + 1) * 10 + 1);
}

const TransitionBody = z.looseObject({ transition: z.object({ id: z.string() }) });

/** GET and POST `/issue/{key}/transitions`. */
export function transitionRoutes(scope: ApiScope): Hono<SandboxEnv> {
  const { runtime } = scope;
  const app = new Hono<SandboxEnv>();
  app.get('/issue/:issueIdOrKey/transitions', (c) => {
    const { account, render } = requestScope(c, scope);
    const issue = visibleIssue(runtime, account, c.req.param('issueIdOrKey'));
    if (issue === undefined) return jiraError(c, 404, [ISSUE_NOT_FOUND]);
    // Screen fields come only with expand=transitions.fields; no sandbox transition has a screen.
    const withFields = (c.req.query('expand') ?? '').split(',').includes('transitions.fields');
    const transitions = STATUSES.filter((s) => s.id !== issue.statusId).map((status) => ({
      id: transitionId(status),
      name: status.name,
      to: renderStatus(render, status),
      hasScreen: false,
      isGlobal: true,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      isLooped: false,
      ...(withFields ? { fields: {} } : {}),
    }));
    return c.json({ expand: 'transitions', transitions });
  });
  app.post('/issue/:issueIdOrKey/transitions', async (c) => {
    const account = requireWriter(c);
    if (account instanceof Response) return account;
    const issue = visibleIssue(runtime, account, c.req.param('issueIdOrKey'));
    if (issue === undefined) return jiraError(c, 404, [ISSUE_NOT_FOUND]);
    const body = await readBody(c, TransitionBody);
    if (body instanceof Response) return body;
    const target = STATUSES.find(
      (s) => transitionId(s) === body.transition.id && s.id !== issue.statusId,
    );
    if (target === undefined)
      return jiraError(c, 400, [
        `Transition id '${body.transition.id}' is not valid for this issue.`,
      ]);
    const now = runtime.now();
    const done = findStatus(target.id)?.categoryId === 3;
    runtime.store.updateIssue(
      issue,
      { statusId: target.id, statusChanged: now, resolved: done ? now : null },
      now,
    );
    return c.body(null, 204);
  });
  return app;
}
