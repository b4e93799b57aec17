import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listAudit } from '../../audit/list.ts';
import { requireRole } from '../access.ts';
import type { AppEnv } from '../context.ts';
import { errorResponses } from '../schemas.ts';

const ActorSchema = z.object({
  type: z.enum(['user', 'api_key', 'rule', 'system']),
  id: z.string().nullable(),
  label: z.string().nullable(),
});

const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: ActorSchema,
    integrationId: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    summary: z.record(z.string(), z.unknown()),
    outcome: z.enum(['ok', 'error']),
    errorCode: z.string().nullable(),
  })
  .openapi('AuditEntry');

const list = createRoute({
  method: 'get',
  path: '/',
  summary: 'The audit log, newest first (admins only)',
  request: {
    query: z.object({
      integrationId: z.string().min(1).max(100).optional(),
      cursor: z.string().max(1000).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: {
      description: 'A page of entries',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    ...errorResponses,
  },
});

/** /api/audit: who changed integrations and wrote to Jira, when, and how it ended. */
export const auditRoutes = new OpenAPIHono<AppEnv>().openapi(list, async (c) => {
  requireRole(c, 'admin');
  return c.json(await listAudit(c.get('deps').db, c.req.valid('query')), 200);
});
