import type { Context } from 'hono';
import { roleAllows } from '../accounts/roles.ts';
import type { Role } from '../storage/schema.ts';
import type { AppEnv, Principal } from './context.ts';
import { ApiError } from './errors.ts';

/** The caller, who must be logged in with at least `role`; 401 or 403 otherwise. */
export function requireRole(c: Context<AppEnv>, role: Role): Principal {
  const principal = c.get('principal');
  if (!principal) {
    throw new ApiError('unauthenticated', 'You are not logged in.', {
      hint: 'Log in, or send an API key as "Authorization: Bearer <key>".',
    });
  }
  if (!roleAllows(principal.user.role, role)) {
    throw new ApiError(
      'forbidden',
      `This needs the ${role} role; your account is ${principal.user.role}.`,
      {
        hint: 'Ask an admin to change your role.',
      },
    );
  }
  return principal;
}
