import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ApiError } from '../server/errors.ts';
import {
  clearLoginFailures,
  countLoginFailuresSince,
  recordLoginFailure,
} from '../storage/login-failures.ts';
import type { Database, UserRow } from '../storage/schema.ts';
import { findUserByEmail } from '../storage/users.ts';
import { decoyHash, verifyPassword } from './passwords.ts';

/** Failed logins allowed per email within the window before logins for it are refused. */
export const MAX_LOGIN_FAILURES = 5;
/** The window over which failed logins are counted. */
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** Checks an email and password; throttles guessing per email. Returns the user on success. */
export async function checkLogin(
  db: Kysely<Database>,
  email: string,
  password: string,
  now: Date,
): Promise<UserRow> {
  const windowStart = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS).toISOString();
  if ((await countLoginFailuresSince(db, email, windowStart)) >= MAX_LOGIN_FAILURES) {
    throw new ApiError('too_many_requests', 'Too many failed logins for this account.', {
      hint: 'Wait 15 minutes and try again, or ask an admin to reset your password.',
      retryAfterSeconds: LOGIN_FAILURE_WINDOW_MS / 1000,
    });
  }
  const user = await findUserByEmail(db, email);
  const matches = await verifyPassword(password, user?.password_hash ?? (await decoyHash()));
  if (!user || !matches) {
    await recordLoginFailure(db, { id: randomUUID(), email, failedAt: now.toISOString() });
    throw new ApiError('unauthenticated', 'The email or password is not correct.', {
      hint: 'Check both and try again.',
    });
  }
  await clearLoginFailures(db, email, windowStart);
  return user;
}
