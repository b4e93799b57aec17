import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { changeUser, createUser, removeUser, userRowToPublicUser } from '../../accounts/users.ts';
import { listUsers } from '../../storage/users.ts';
import { requireRole } from '../access.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import {
  EmailSchema,
  ErrorSchema,
  IdParamSchema,
  NameSchema,
  PasswordSchema,
  RoleSchema,
  UserSchema,
  errorResponses,
} from '../schemas.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const notFound = { description: 'No such user', ...json(ErrorSchema) };
const conflict = { description: 'Email taken, or the last admin', ...json(ErrorSchema) };

const list = createRoute({
  method: 'get',
  path: '/',
  summary: 'Every account (admins only)',
  responses: {
    200: { description: 'Users', ...json(z.object({ items: z.array(UserSchema) })) },
    ...errorResponses,
  },
});

const create = createRoute({
  method: 'post',
  path: '/',
  summary: 'Create an account (admins only)',
  request: {
    body: {
      required: true,
      ...json(
        z.object({
          email: EmailSchema,
          name: NameSchema,
          role: RoleSchema,
          password: PasswordSchema,
        }),
      ),
    },
  },
  responses: {
    201: { description: 'Created', ...json(UserSchema) },
    ...errorResponses,
    409: conflict,
  },
});

const update = createRoute({
  method: 'patch',
  path: '/{id}',
  summary: 'Change name, role or password (admins; anyone for their own name and password)',
  request: {
    params: IdParamSchema,
    body: {
      required: true,
      ...json(
        z.object({
          name: NameSchema.optional(),
          role: RoleSchema.optional(),
          password: PasswordSchema.optional(),
        }),
      ),
    },
  },
  responses: {
    200: { description: 'Updated', ...json(UserSchema) },
    ...errorResponses,
    404: notFound,
    409: conflict,
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  summary: 'Delete an account with its sessions and API keys (admins only)',
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses, 404: notFound, 409: conflict },
});

/** /api/users: admins manage accounts and roles. */
export const userRoutes = new OpenAPIHono<AppEnv>()
  .openapi(list, async (c) => {
    requireRole(c, 'admin');
    const rows = await listUsers(c.get('deps').db);
    return c.json({ items: rows.map(userRowToPublicUser) }, 200);
  })
  .openapi(create, async (c) => {
    requireRole(c, 'admin');
    const { db, now } = c.get('deps');
    return c.json(await createUser(db, c.req.valid('json'), now()), 201);
  })
  .openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const changes = c.req.valid('json');
    const principal = requireRole(c, 'viewer');
    const isSelf = principal.user.id === id;
    if (!isSelf || changes.role !== undefined) requireRole(c, 'admin');
    if (isSelf && changes.role !== undefined && changes.role !== 'admin') {
      throw new ApiError('conflict', 'Admins cannot lower their own role.', {
        hint: 'Ask another admin to change your role.',
      });
    }
    const { db, now } = c.get('deps');
    return c.json(await changeUser(db, id, changes, now()), 200);
  })
  .openapi(remove, async (c) => {
    requireRole(c, 'admin');
    await removeUser(c.get('deps').db, c.req.valid('param').id);
    return c.body(null, 204);
  });
