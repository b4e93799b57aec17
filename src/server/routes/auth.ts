import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { checkLogin } from '../../accounts/login.ts';
import { closeSession, openSession } from '../../accounts/sessions.ts';
import { isSetupOpen, setupFirstAdmin, userRowToPublicUser } from '../../accounts/users.ts';
import { requireRole } from '../access.ts';
import { SESSION_COOKIE } from '../authenticate.ts';
import type { AppEnv } from '../context.ts';
import {
  EmailSchema,
  ErrorSchema,
  NameSchema,
  PasswordSchema,
  UserSchema,
  errorResponses,
} from '../schemas.ts';

const SessionSchema = z.object({ user: UserSchema, csrfToken: z.string() }).openapi('Session');
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const setup = createRoute({
  method: 'post',
  path: '/setup',
  summary: 'Create the first admin; refused once any user exists',
  request: {
    body: {
      required: true,
      ...json(z.object({ email: EmailSchema, password: PasswordSchema, name: NameSchema })),
    },
  },
  responses: {
    201: { description: 'Admin created and logged in', ...json(SessionSchema) },
    400: errorResponses[400],
    409: { description: 'Already set up', ...json(ErrorSchema) },
  },
});

const setupStatus = createRoute({
  method: 'get',
  path: '/setup',
  summary:
    'Whether first-run setup is still open, so a client shows Set up or Log in without trying',
  responses: {
    200: {
      description: 'open: true until the first admin has been created',
      ...json(z.object({ open: z.boolean() }).openapi('SetupStatus')),
    },
  },
});

const login = createRoute({
  method: 'post',
  path: '/login',
  summary: 'Log in with email and password; sets the session cookie',
  request: {
    body: {
      required: true,
      ...json(
        z.object({ email: EmailSchema, password: z.string().min(1, 'Enter your password.') }),
      ),
    },
  },
  responses: {
    200: { description: 'Logged in', ...json(SessionSchema) },
    400: errorResponses[400],
    401: errorResponses[401],
    429: { description: 'Too many failed logins', ...json(ErrorSchema) },
  },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  summary: 'End the current session',
  responses: { 204: { description: 'Logged out' }, 403: errorResponses[403] },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  summary: 'The logged-in user and the CSRF token for writes',
  responses: {
    200: {
      description: 'Current user',
      ...json(z.object({ user: UserSchema, csrfToken: z.string().nullable() })),
    },
    401: errorResponses[401],
  },
});

/** /api/auth: setup (status and action), login, logout, me. */
export const authRoutes = new OpenAPIHono<AppEnv>()
  .openapi(setupStatus, async (c) => c.json({ open: await isSetupOpen(c.get('deps').db) }, 200))
  .openapi(setup, async (c) => {
    const { db, now } = c.get('deps');
    const user = await setupFirstAdmin(db, c.req.valid('json'), now());
    const csrfToken = await startSession(c, user.id);
    return c.json({ user, csrfToken }, 201);
  })
  .openapi(login, async (c) => {
    const { db, now } = c.get('deps');
    const { email, password } = c.req.valid('json');
    const user = await checkLogin(db, email, password, now());
    const csrfToken = await startSession(c, user.id);
    return c.json({ user: userRowToPublicUser(user), csrfToken }, 200);
  })
  .openapi(logout, async (c) => {
    const principal = c.get('principal');
    if (principal?.via === 'session') await closeSession(c.get('deps').db, principal.sessionCookie);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  })
  .openapi(me, (c) => {
    const principal = requireRole(c, 'viewer');
    const csrfToken = principal.via === 'session' ? principal.csrfToken : null;
    return c.json({ user: userRowToPublicUser(principal.user), csrfToken }, 200);
  });

async function startSession(c: Context<AppEnv>, userId: string): Promise<string> {
  const { db, now } = c.get('deps');
  const session = await openSession(db, userId, now());
  setCookie(c, SESSION_COOKIE, session.cookieValue, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
    expires: session.expiresAt,
  });
  return session.csrfToken;
}

/** Secure cookies only over HTTPS, directly or through a TLS-terminating proxy. */
function isHttps(c: Context<AppEnv>): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}
