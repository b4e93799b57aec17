import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { SessionWithUser } from '../storage/sessions.ts';
import { deleteSession, findLiveSession, insertSession } from '../storage/sessions.ts';
import { hashSecretToken, newSecretToken } from './secret-tokens.ts';

/** How long a login lasts. */
export const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** A new session: the cookie value goes to the browser once; only its hash is stored. */
export interface OpenedSession {
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Opens a session for `userId`. */
export async function openSession(
  db: Kysely<Database>,
  userId: string,
  now: Date,
): Promise<OpenedSession> {
  const cookieValue = newSecretToken();
  const csrfToken = newSecretToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await insertSession(db, {
    id_hash: hashSecretToken(cookieValue),
    user_id: userId,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
  });
  return { cookieValue, csrfToken, expiresAt };
}

/** The live session behind a cookie value, with its user. */
export function resolveSession(
  db: Kysely<Database>,
  cookieValue: string,
  now: Date,
): Promise<SessionWithUser | undefined> {
  return findLiveSession(db, hashSecretToken(cookieValue), now.toISOString());
}

/** Ends the session behind a cookie value. */
export function closeSession(db: Kysely<Database>, cookieValue: string): Promise<void> {
  return deleteSession(db, hashSecretToken(cookieValue));
}
