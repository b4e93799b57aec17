import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { AppEnv } from '../context.ts';

const HealthSchema = z
  .object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['ok', 'unreachable']) })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/',
  summary: 'Liveness and readiness: the process answers and the database is reachable',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: HealthSchema } } },
    503: {
      description: 'Database unreachable',
      content: { 'application/json': { schema: HealthSchema } },
    },
  },
});

/** GET /api/health */
export const healthRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { db, logger } = c.get('deps');
  try {
    await sql`select 1`.execute(db);
    return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
  } catch (error) {
    logger.warn({ err: error }, 'health check: database unreachable');
    return c.json({ status: 'unavailable' as const, database: 'unreachable' as const }, 503);
  }
});
