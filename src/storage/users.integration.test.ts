import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStorage } from '../../test/support/storage.ts';
import { insertApiKey, findUserByApiKeyHash } from './api-keys.ts';
import type { Storage } from './connect.ts';
import { insertSession, findLiveSession } from './sessions.ts';
import {
  countAdmins,
  countUsers,
  deleteUser,
  findUserByEmail,
  insertUser,
  updateUser,
} from './users.ts';

const NOW = '2026-11-23T10:00:00.000Z';

describe.each(DIALECTS)('users storage on %s', (dialect) => {
  let storage: Storage;
  beforeEach(async () => {
    storage = await createTestStorage(dialect);
  });
  afterEach(async () => {
    await storage.close();
  });

  const alice = {
    id: 'u1',
    email: 'alice@example.com',
    name: 'Alice',
    role: 'admin' as const,
    password_hash: 'h',
    created_at: NOW,
    updated_at: NOW,
  };

  it('inserts, counts, finds and updates users', async () => {
    expect(await countUsers(storage.db)).toBe(0);
    await insertUser(storage.db, alice);
    expect(await countUsers(storage.db)).toBe(1);
    expect(await countAdmins(storage.db)).toBe(1);
    expect(await updateUser(storage.db, 'u1', { role: 'viewer', name: 'Al' }, NOW)).toBe(true);
    expect(await findUserByEmail(storage.db, 'alice@example.com')).toMatchObject({
      name: 'Al',
      role: 'viewer',
    });
    expect(await updateUser(storage.db, 'nobody', { name: 'x' }, NOW)).toBe(false);
  });

  it('refuses a second user with the same email', async () => {
    await insertUser(storage.db, alice);
    await expect(insertUser(storage.db, { ...alice, id: 'u2' })).rejects.toThrow();
    expect(await countUsers(storage.db)).toBe(1);
  });

  it('deleting a user removes their sessions and API keys', async () => {
    await insertUser(storage.db, alice);
    await insertSession(storage.db, {
      id_hash: 's',
      user_id: 'u1',
      csrf_token: 'c',
      created_at: NOW,
      expires_at: '2999-01-01T00:00:00.000Z',
    });
    await insertApiKey(storage.db, {
      id: 'k1',
      user_id: 'u1',
      name: 'ci',
      key_hash: 'kh',
      key_prefix: 'owl_ab',
      created_at: NOW,
      last_used_at: null,
    });
    expect(await findLiveSession(storage.db, 's', NOW)).toBeDefined();
    expect(await findUserByApiKeyHash(storage.db, 'kh', NOW)).toMatchObject({ user: { id: 'u1' } });
    expect(await deleteUser(storage.db, 'u1')).toBe(true);
    expect(await findLiveSession(storage.db, 's', NOW)).toBeUndefined();
    expect(await findUserByApiKeyHash(storage.db, 'kh', NOW)).toBeUndefined();
  });

  it('does not return an expired session', async () => {
    await insertUser(storage.db, alice);
    await insertSession(storage.db, {
      id_hash: 's',
      user_id: 'u1',
      csrf_token: 'c',
      created_at: NOW,
      expires_at: NOW,
    });
    expect(await findLiveSession(storage.db, 's', NOW)).toBeUndefined();
  });
});
