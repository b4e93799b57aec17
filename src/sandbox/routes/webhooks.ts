import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { requireWriter } from '../http/authenticate.ts';
import type { SandboxEnv } from '../http/env.ts';
import { jiraError, readBody } from '../http/respond.ts';
import { JqlError } from '../jql/errors.ts';
import { parseJql } from '../jql/parse.ts';
import type { SandboxRuntime } from '../runtime.ts';
import type { WebhookHub, WebhookRegistration } from '../webhooks/hub.ts';

const RegistrationBody = z.object({
  name: z.string().min(1),
  url: z.url(),
  events: z.array(z.string()).min(1),
  filters: z.record(z.string(), z.string()).optional(),
  excludeBody: z.boolean().optional(),
  secret: z.string().optional(),
});

const FILTER_KEY = 'issue-related-events-section';

function render(
  runtime: SandboxRuntime,
  registration: WebhookRegistration,
): Record<string, unknown> {
  return {
    self: `${runtime.baseUrl}/rest/webhooks/1.0/webhook/${registration.id}`,
    name: registration.name,
    url: registration.url,
    events: registration.events,
    filters: { [FILTER_KEY]: registration.jqlFilter },
    excludeBody: false,
    enabled: true,
  };
}

// Webhooks are a site-administration feature; the sandbox's admins are the accounts that see everything.
const adminOnly: MiddlewareHandler<SandboxEnv> = async (c, next) => {
  const account = requireWriter(c);
  if (account instanceof Response) return account;
  if (account.browse !== 'all')
    return jiraError(c, 403, ['You are not authorized to perform this action.']);
  await next();
};

/** Jira's admin webhook REST resource, `/rest/webhooks/1.0/webhook`: register, list and delete (admins only). */
export function webhookRoutes(runtime: SandboxRuntime, hub: WebhookHub): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.use('*', adminOnly);
  app.get('/', (c) => c.json(hub.registrations.map((r) => render(runtime, r))));
  app.post('/', async (c) => {
    const body = await readBody(c, RegistrationBody);
    if (body instanceof Response) return body;
    const jqlFilter = body.filters?.[FILTER_KEY] ?? '';
    try {
      if (jqlFilter.trim() !== '') parseJql(jqlFilter);
    } catch (error) {
      if (error instanceof JqlError) return jiraError(c, 400, [error.message]);
      throw error;
    }
    const registration = hub.register({
      name: body.name,
      url: body.url,
      events: body.events,
      jqlFilter,
      secret: body.secret ?? null,
    });
    return c.json(render(runtime, registration), 201);
  });
  app.delete('/:id', (c) =>
    hub.remove(Number(c.req.param('id')))
      ? c.body(null, 204)
      : jiraError(c, 404, ['Webhook not found.']),
  );
  return app;
}
