import { Hono } from 'hono';
import { z } from 'zod';
import type { UserRecord } from '../domain/model.ts';
import { requireWriter } from '../http/authenticate.ts';
import type { SandboxEnv } from '../http/env.ts';
import { jiraError, readBody } from '../http/respond.ts';
import { ISSUE_NOT_FOUND, visibleIssue, type ApiScope } from './route-context.ts';

const AssigneeBody = z.looseObject({
  accountId: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
});

/** `"-1"` asks for the project's default assignee; sandbox projects default to unassigned. */
const DEFAULT_ASSIGNEE = '-1';

/** PUT `/issue/{key}/assignee`: `{accountId}` on Cloud, `{name}` on Data Center; null unassigns; 204. */
export function assigneeRoutes(scope: ApiScope): Hono<SandboxEnv> {
  const { runtime } = scope;
  const app = new Hono<SandboxEnv>();
  app.put('/issue/:issueIdOrKey/assignee', async (c) => {
    const account = requireWriter(c);
    if (account instanceof Response) return account;
    const issue = visibleIssue(runtime, account, c.req.param('issueIdOrKey'));
    if (issue === undefined) return jiraError(c, 404, [ISSUE_NOT_FOUND]);
    const body = await readBody(c, AssigneeBody);
    if (body instanceof Response) return body;
    const field = runtime.flavor === 'cloud' ? 'accountId' : 'name';
    const wanted = body[field];
    if (wanted === undefined)
      return jiraError(c, 400, [], { [field]: `The ${field} of the assignee is required.` });
    let user: UserRecord | null = null;
    if (wanted !== null && wanted !== DEFAULT_ASSIGNEE) {
      const found =
        runtime.flavor === 'cloud'
          ? runtime.store.userById(wanted)
          : runtime.store.userByName(wanted);
      if (found === undefined || !found.active) {
        const message = `User '${wanted}' cannot be assigned issues.`;
        // Data Center's document answers an unknown user with 404; Cloud's with 400.
        return runtime.flavor === 'cloud'
          ? jiraError(c, 400, [], { assignee: message })
          : jiraError(c, 404, [message]);
      }
      user = found;
    }
    runtime.store.updateIssue(issue, { assigneeId: user?.id ?? null }, runtime.now());
    return c.body(null, 204);
  });
  return app;
}
