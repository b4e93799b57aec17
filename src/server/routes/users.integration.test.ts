import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, logIn } from '../../../test/support/api.ts';
import type { Browser, TestApi } from '../../../test/support/api.ts';
import { DIALECTS, createTestStorage } from '../../../test/support/storage.ts';
import type { Storage } from '../../storage/connect.ts';

const PASSWORD = 'a long password!';

describe.each(DIALECTS)('user and role rules on %s', (dialect) => {
  let storage: Storage;
  let api: TestApi;
  let admin: Browser;
  let member: Browser;
  let viewer: Browser;
  let ids: Record<string, string>;

  beforeEach(async () => {
    storage = await createTestStorage(dialect);
    api = await createTestApi(storage);
    admin = await logIn(
      api,
      { email: 'admin@example.com', password: PASSWORD, name: 'Admin' },
      true,
    );
    ids = {};
    for (const role of ['member', 'viewer']) {
      const created = await admin.send('POST', '/api/users', {
        email: `${role}@example.com`,
        name: role,
        role,
        password: PASSWORD,
      });
      ids[role] = ((await created.json()) as { id: string }).id;
    }
    member = await logIn(api, { email: 'member@example.com', password: PASSWORD });
    viewer = await logIn(api, { email: 'viewer@example.com', password: PASSWORD });
  });
  afterEach(async () => {
    await api.close();
    await storage.close();
  });

  it('lets only admins list, create, change and delete users', async () => {
    expect((await admin.get('/api/users')).status).toBe(200);
    for (const user of [member, viewer]) {
      expect((await user.get('/api/users')).status).toBe(403);
      const create = await user.send('POST', '/api/users', {
        email: 'x@example.com',
        name: 'X',
        role: 'admin',
        password: PASSWORD,
      });
      expect(create.status).toBe(403);
      expect(await create.json()).toMatchObject({ error: { code: 'forbidden' } });
      expect((await user.send('DELETE', `/api/users/${ids.viewer}`)).status).toBe(403);
    }
    expect((await member.send('PATCH', `/api/users/${ids.member}`, { role: 'admin' })).status).toBe(
      403,
    );
    expect((await admin.send('PATCH', `/api/users/${ids.viewer}`, { role: 'member' })).status).toBe(
      200,
    );
    expect((await admin.send('DELETE', `/api/users/${ids.viewer}`)).status).toBe(204);
  });

  it('lets anyone change their own name but not their role', async () => {
    const renamed = await viewer.send('PATCH', `/api/users/${ids.viewer}`, { name: 'Vera' });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: 'Vera', role: 'viewer' });
    expect((await viewer.send('PATCH', `/api/users/${ids.member}`, { name: 'Nope' })).status).toBe(
      403,
    );
  });

  it('refuses unauthenticated calls with 401', async () => {
    const response = await api.request('/api/users');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('keeps the last admin', async () => {
    const users = (await (await admin.get('/api/users')).json()) as {
      items: { id: string; role: string }[];
    };
    const adminId = users.items.find((u) => u.role === 'admin')?.id ?? '';
    expect((await admin.send('DELETE', `/api/users/${adminId}`)).status).toBe(409);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const response = await admin.send('POST', '/api/users', {
      email: 'MEMBER@example.com',
      name: 'Again',
      role: 'member',
      password: PASSWORD,
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: { fields: { email: expect.any(String) } },
    });
  });

  it('ends the sessions of a user whose role is lowered', async () => {
    expect((await admin.send('PATCH', `/api/users/${ids.member}`, { role: 'viewer' })).status).toBe(
      200,
    );
    expect((await member.get('/api/auth/me')).status).toBe(401);
  });
});
