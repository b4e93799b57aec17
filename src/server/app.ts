import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { auditIntegrationChanges } from '../audit/integration-changes.ts';
import { authenticate } from './authenticate.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { handleError } from './error-handler.ts';
import { ApiError } from './errors.ts';
import { actionRoutes } from './routes/actions.ts';
import { apiKeyRoutes } from './routes/api-keys.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { healthRoutes } from './routes/health.ts';
import { integrationRoutes } from './routes/integrations.ts';
import { mirrorRoutes } from './routes/mirror.ts';
import { syncRunRoutes } from './routes/sync-runs.ts';
import { userRoutes } from './routes/users.ts';
import { validationHook } from './validation-hook.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { ruleRoutes } from './routes/rules.ts';
import { webAssets } from './web-assets.ts';

const MAX_BODY_BYTES = 1024 * 1024;

/** Builds OwlHub's HTTP app on the given dependencies; no I/O happens until a request arrives. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.use('*', provide(deps), logRequests);
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError('invalid_input', 'The request body is too large (1 MiB at most).');
      },
    }),
    authenticate,
  );
  app.route('/api/health', healthRoutes);
  app.route('/api/auth', authRoutes);
  app.route('/api/users', userRoutes);
  app.route('/api/api-keys', apiKeyRoutes);
  app.use('/api/integrations/*', auditIntegrationChanges);
  app.route('/api/integrations', integrationRoutes);
  app.route('/api/integrations', mirrorRoutes);
  app.route('/api/integrations', actionRoutes);
  app.route('/api/sync-runs', syncRunRoutes);
  app.route('/api/audit', auditRoutes);
  app.route('/api/integrations', ruleRoutes);
  app.route('/webhooks', webhookRoutes);
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'owlhub_session',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'OwlHub API', version: '0.1.0' },
  });
  app.use('*', webAssets());
  app.notFound((c) => {
    throw new ApiError('not_found', `There is no ${c.req.method} ${c.req.path}.`, {
      hint: 'The API is described at /api/openapi.json.',
    });
  });
  return app;
}

function provide(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('deps', deps);
    c.set('principal', undefined);
    await next();
  };
}

/** One line per request: method, path (no query: it may hold filters worth keeping private), status, time. */
const logRequests: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  await next();
  c.get('deps').logger.info(
    {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    },
    'request',
  );
};
