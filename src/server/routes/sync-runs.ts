import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getRun } from '../../sync/mirror-api.ts';
import { requireRole } from '../access.ts';
import type { AppEnv } from '../context.ts';
import { ErrorSchema, errorResponses } from '../schemas.ts';
import { SyncRunSchema } from './mirror-schemas.ts';

const get = createRoute({
  method: 'get',
  path: '/{runId}',
  summary: 'One sync run: status, phase, counts, done/total, rate and ETA',
  request: { params: z.object({ runId: z.string().min(1).max(100) }) },
  responses: {
    200: { description: 'The run', content: { 'application/json': { schema: SyncRunSchema } } },
    ...errorResponses,
    404: { description: 'No such run', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

/** /api/sync-runs/:runId */
export const syncRunRoutes = new OpenAPIHono<AppEnv>().openapi(get, async (c) => {
  requireRole(c, 'viewer');
  return c.json(await getRun(c.get('deps'), c.req.valid('param').runId), 200);
});
