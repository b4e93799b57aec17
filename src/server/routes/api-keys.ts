import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createApiKey, listApiKeys } from '../../accounts/api-keys.ts';
import { deleteApiKey, findApiKeyById } from '../../storage/api-keys.ts';
import { requireRole } from '../access.ts';
import type { AppEnv } from '../context.ts';
import { notFound } from '../errors.ts';
import { ErrorSchema, IdParamSchema, errorResponses } from '../schemas.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

const create = createRoute({
  method: 'post',
  path: '/',
  summary: 'Create an API key; the key is in this answer only',
  request: {
    body: {
      required: true,
      ...json(
        z.object({
          name: z.string().trim().min(1, 'Name the key.').max(200, 'Use at most 200 characters.'),
        }),
      ),
    },
  },
  responses: {
    201: { description: 'Created', ...json(ApiKeySchema.extend({ key: z.string() })) },
    ...errorResponses,
  },
});

const list = createRoute({
  method: 'get',
  path: '/',
  summary: 'Your API keys (never the keys themselves)',
  responses: {
    200: { description: 'Keys', ...json(z.object({ items: z.array(ApiKeySchema) })) },
    ...errorResponses,
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  summary: 'Delete one of your keys (admins: any key); it stops working at once',
  request: { params: IdParamSchema },
  responses: {
    204: { description: 'Deleted' },
    ...errorResponses,
    404: { description: 'No such key', ...json(ErrorSchema) },
  },
});

/** /api/api-keys: keys for API clients; a key acts with its owner's role. */
export const apiKeyRoutes = new OpenAPIHono<AppEnv>()
  .openapi(create, async (c) => {
    const { user } = requireRole(c, 'viewer');
    const { db, now } = c.get('deps');
    return c.json(await createApiKey(db, user.id, c.req.valid('json').name, now()), 201);
  })
  .openapi(list, async (c) => {
    const { user } = requireRole(c, 'viewer');
    return c.json({ items: await listApiKeys(c.get('deps').db, user.id) }, 200);
  })
  .openapi(remove, async (c) => {
    const { user } = requireRole(c, 'viewer');
    const { db } = c.get('deps');
    const key = await findApiKeyById(db, c.req.valid('param').id);
    // Someone else's key is reported as missing, not forbidden, so ids cannot be probed.
    if (!key || (key.user_id !== user.id && user.role !== 'admin')) throw notFound('The API key');
    await deleteApiKey(db, key.id);
    return c.body(null, 204);
  });
