import { Hono } from 'hono';
import { cloudSearchRoutes } from '../routes/search-cloud.ts';
import { dataCenterSearchRoutes } from '../routes/search-dc.ts';
import { issueRoutes } from '../routes/issues.ts';
import { metaRoutes } from '../routes/meta.ts';
import { projectRoutes } from '../routes/projects.ts';
import type { ApiScope } from '../routes/route-context.ts';
import { webhookRoutes } from '../routes/webhooks.ts';
import type { SandboxRuntime } from '../runtime.ts';
import type { WebhookHub } from '../webhooks/hub.ts';
import { authenticate } from './authenticate.ts';
import type { SandboxEnv } from './env.ts';
import { applyLimits } from './limits.ts';
import { errorCollection } from './respond.ts';

function versionApi(scope: ApiScope): Hono<SandboxEnv> {
  const api = new Hono<SandboxEnv>();
  api.route('/', metaRoutes(scope));
  api.route('/', projectRoutes(scope));
  api.route('/', issueRoutes(scope));
  api.route(
    '/',
    scope.runtime.flavor === 'cloud' ? cloudSearchRoutes(scope) : dataCenterSearchRoutes(scope),
  );
  return api;
}

/** Builds the HTTP app: limits, authentication, then `/rest/api/{2,3}` (Cloud) or `/rest/api/2` (Data Center) under the context path. */
export function buildApp(runtime: SandboxRuntime, hub: WebhookHub): Hono<SandboxEnv> {
  const root = new Hono<SandboxEnv>();
  const app = runtime.options.basePath === '' ? root : root.basePath(runtime.options.basePath);
  app.use('*', applyLimits(runtime));
  app.use('*', authenticate(runtime));
  const versions: readonly ('2' | '3')[] = runtime.flavor === 'cloud' ? ['2', '3'] : ['2'];
  for (const version of versions)
    app.route(`/rest/api/${version}`, versionApi({ runtime, version }));
  app.route('/rest/webhooks/1.0/webhook', webhookRoutes(runtime, hub));
  root.notFound((c) => {
    // Jira's REST layer (Jersey) answers unknown resources with this body; other paths get a plain page.
    if (c.req.path.includes('/rest/'))
      return c.json({ message: `null for uri: ${c.req.url}`, 'status-code': 404 }, 404);
    return c.html('<html><body><h1>404 Not Found</h1></body></html>', 404);
  });
  root.onError((error, c) => {
    console.error('sandbox: unexpected error', error);
    return c.json(errorCollection(['Internal server error']), 500);
  });
  return root;
}
