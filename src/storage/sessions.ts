import type { Kysely } from 'kysely';
import type { Database, SessionRow, UserRow } from './schema.ts';

/** A live session joined with its user. */
export interface SessionWithUser {
  session: SessionRow;
  user: UserRow;
}

/** Stores a new session. */
export async function insertSession(db: Kysely<Database>, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The unexpired session with this id hash and its user, if any. */
export async function findLiveSession(
  db: Kysely<Database>,
  idHash: string,
  now: string,
): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id_hash',
      'sessions.csrf_token',
      'sessions.created_at as session_created_at',
      'sessions.expires_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const { id_hash, csrf_token, session_created_at, expires_at, ...user } = row;
  return {
    session: { id_hash, user_id: user.id, csrf_token, created_at: session_created_at, expires_at },
    user,
  };
}

/** Ends one session. */
export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user, e.g. after a password change. */
export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Removes expired sessions. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
