import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { resolveApiKey } from '../accounts/api-keys.ts';
import { resolveSession } from '../accounts/sessions.ts';
import type { AppEnv } from './context.ts';
import { ApiError } from './errors.ts';

/** The cookie that carries a browser session. */
export const SESSION_COOKIE = 'owlhub_session';
/** The header a browser session must send with every write. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Works out who is calling (API key first, then session cookie) and refuses cookie-authenticated
 * writes without the session's CSRF token. Which role a route needs is the route's own business.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, now } = c.get('deps');
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    const key = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const found = key === undefined ? undefined : await resolveApiKey(db, key, now());
    if (!found) {
      throw new ApiError('unauthenticated', 'The API key is not valid.', {
        hint: 'Send "Authorization: Bearer <key>" with a key from Settings › API keys; deleted keys stop working.',
      });
    }
    c.set('principal', { via: 'api_key', user: found.user, apiKey: found.key });
    return next();
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  const found = cookie === undefined ? undefined : await resolveSession(db, cookie, now());
  if (cookie !== undefined && found) {
    if (
      !SAFE_METHODS.has(c.req.method) &&
      !csrfTokenMatches(c.req.header(CSRF_HEADER), found.session.csrf_token)
    ) {
      throw new ApiError('csrf_failed', 'The request is missing its CSRF token.', {
        hint: `Send the csrfToken from /api/auth/me in the ${CSRF_HEADER} header.`,
      });
    }
    c.set('principal', {
      via: 'session',
      user: found.user,
      sessionCookie: cookie,
      csrfToken: found.session.csrf_token,
    });
  }
  return next();
};

function csrfTokenMatches(sent: string | undefined, expected: string): boolean {
  if (sent === undefined) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
