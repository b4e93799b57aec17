import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ApiError, notFound } from '../server/errors.ts';
import { hasInstanceEvent, recordInstanceEventOnce } from '../storage/instance-events.ts';
import type { Database, Role, UserRow } from '../storage/schema.ts';
import {
  countAdmins,
  deleteUser as deleteUserRow,
  findUserByEmail,
  findUserById,
  insertUser,
  updateUser as updateUserRow,
} from '../storage/users.ts';
import { deleteSessionsOfUser } from '../storage/sessions.ts';
import { hashPassword } from './passwords.ts';

/** A user as the API shows it: never the password hash. */
export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** What an admin gives to create an account. */
export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** Maps a stored row to what the API shows. */
export function userRowToPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
  };
}

/** Whether first-run setup would still create the first admin (it runs once per OwlHub). */
export async function isSetupOpen(db: Kysely<Database>): Promise<boolean> {
  return !(await hasInstanceEvent(db, 'setup'));
}

/** Creates the first admin; refused with 409 once any user exists (or setup already ran). */
export async function setupFirstAdmin(
  db: Kysely<Database>,
  input: Omit<NewUser, 'role'>,
  now: Date,
): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  const row = newUserRow({ ...input, role: 'admin' }, passwordHash, now);
  const created = await db.transaction().execute(async (trx) => {
    if (!(await recordInstanceEventOnce(trx, 'setup', row.created_at))) return false;
    await insertUser(trx, row);
    return true;
  });
  if (!created) {
    throw new ApiError('conflict', 'OwlHub is already set up.', {
      hint: 'Log in with an existing account; an admin can create more accounts.',
    });
  }
  return userRowToPublicUser(row);
}

/** Creates an account; 409 when the email is taken. */
export async function createUser(
  db: Kysely<Database>,
  input: NewUser,
  now: Date,
): Promise<PublicUser> {
  if (await findUserByEmail(db, input.email)) throw emailTaken();
  const row = newUserRow(input, await hashPassword(input.password), now);
  try {
    await insertUser(db, row);
  } catch (error) {
    // The unique index decides a race between two creations of the same email.
    if (await findUserByEmail(db, input.email)) throw emailTaken();
    throw error;
  }
  return userRowToPublicUser(row);
}

/** Changes name, role or password; the last admin keeps the admin role. */
export async function changeUser(
  db: Kysely<Database>,
  id: string,
  changes: { name?: string | undefined; role?: Role | undefined; password?: string | undefined },
  now: Date,
): Promise<PublicUser> {
  const user = await findUserById(db, id);
  if (!user) throw notFound('The user');
  if (changes.role !== undefined && changes.role !== 'admin' && user.role === 'admin') {
    await refuseIfLastAdmin(db);
  }
  const passwordHash =
    changes.password === undefined ? undefined : await hashPassword(changes.password);
  await updateUserRow(
    db,
    id,
    {
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.role === undefined ? {} : { role: changes.role }),
      ...(passwordHash === undefined ? {} : { passwordHash }),
    },
    now.toISOString(),
  );
  // A new password or a lower role must not live on in sessions opened before the change.
  if (passwordHash !== undefined || changes.role !== undefined) await deleteSessionsOfUser(db, id);
  const updated = await findUserById(db, id);
  if (!updated) throw notFound('The user');
  return userRowToPublicUser(updated);
}

/** Deletes an account with its sessions and keys; the last admin cannot be deleted. */
export async function removeUser(db: Kysely<Database>, id: string): Promise<void> {
  const user = await findUserById(db, id);
  if (!user) throw notFound('The user');
  if (user.role === 'admin') await refuseIfLastAdmin(db);
  await deleteUserRow(db, id);
}

async function refuseIfLastAdmin(db: Kysely<Database>): Promise<void> {
  if ((await countAdmins(db)) <= 1) {
    throw new ApiError('conflict', 'This is the last admin account.', {
      hint: 'Make another user an admin first.',
    });
  }
}

function newUserRow(input: NewUser, passwordHash: string, now: Date): UserRow {
  const at = now.toISOString();
  return {
    id: randomUUID(),
    email: input.email,
    name: input.name,
    role: input.role,
    password_hash: passwordHash,
    created_at: at,
    updated_at: at,
  };
}

function emailTaken(): ApiError {
  return new ApiError('conflict', 'An account with this email already exists.', {
    fields: { email: 'This email is already used by another account.' },
  });
}
