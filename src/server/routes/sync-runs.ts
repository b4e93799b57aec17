import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { cancelRun, getRun } from '../../sync/mirror-api.ts';
import { requireRole } from '../access.ts';
import type { AppEnv } from '../context.ts';
import { ErrorSchema, errorResponses } from '../schemas.ts';
import { SyncRunSchema } from './mirror-schemas.ts';

const RunIdParams = z.object({ runId: z.string().min(1).max(100) });

const get = createRoute({
  method: 'get',
  path: '/{runId}',
  summary: 'One sync run: status, phase, counts, done/total, rate and ETA',
  request: { params: RunIdParams },
  responses: {
    200: { description: 'The run', content: { 'application/json': { schema: SyncRunSchema } } },
    ...errorResponses,
    404: { description: 'No such run', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

const cancel = createRoute({
  method: 'post',
  path: '/{runId}/cancel',
  summary: 'Cancel a sync run',
  description:
    'A queued run ends `cancelled` at once. A running run stops at its next unit of work, keeps ' +
    'what it committed (a later sync resumes from there) and then ends `cancelled`; until then ' +
    'its status stays `running` and its phase reads `cancelling`. Members and admins.',
  request: { params: RunIdParams },
  responses: {
    202: {
      description: 'The run, cancelled or stopping',
      content: { 'application/json': { schema: SyncRunSchema } },
    },
    ...errorResponses,
    404: { description: 'No such run', content: { 'application/json': { schema: ErrorSchema } } },
    409: {
      description: 'The run has already ended',
      content: { 'application/json': { schema: ErrorSchema } },
    },
  },
});

/** /api/sync-runs/:runId */
export const syncRunRoutes = new OpenAPIHono<AppEnv>()
  .openapi(get, async (c) => {
    requireRole(c, 'viewer');
    return c.json(await getRun(c.get('deps'), c.req.valid('param').runId), 200);
  })
  .openapi(cancel, async (c) => {
    requireRole(c, 'member');
    return c.json(await cancelRun(c.get('deps'), c.req.valid('param').runId), 202);
  });
