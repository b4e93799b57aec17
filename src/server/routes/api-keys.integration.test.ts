import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, logIn } from '../../../test/support/api.ts';
import type { Browser, TestApi } from '../../../test/support/api.ts';
import { DIALECTS, createTestStorage } from '../../../test/support/storage.ts';
import type { Storage } from '../../storage/connect.ts';

const PASSWORD = 'a long password!';

describe.each(DIALECTS)('API keys on %s', (dialect) => {
  let storage: Storage;
  let api: TestApi;
  let admin: Browser;

  beforeEach(async () => {
    storage = await createTestStorage(dialect);
    api = await createTestApi(storage);
    admin = await logIn(
      api,
      { email: 'admin@example.com', password: PASSWORD, name: 'Admin' },
      true,
    );
  });
  afterEach(async () => {
    await api.close();
    await storage.close();
  });

  const bearer = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });

  it('authenticates with a key shown once, and a deleted key stops working', async () => {
    const created = (await (await admin.send('POST', '/api/api-keys', { name: 'ci' })).json()) as {
      id: string;
      key: string;
    };
    expect(created.key).toMatch(/^owl_/);
    const me = await api.request('/api/auth/me', bearer(created.key));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      user: { email: 'admin@example.com' },
      csrfToken: null,
    });

    const listed = await (await admin.get('/api/api-keys')).text();
    expect(listed).toContain('"name":"ci"');
    expect(listed).not.toContain(created.key);

    expect((await admin.send('DELETE', `/api/api-keys/${created.id}`)).status).toBe(204);
    const after = await api.request('/api/auth/me', bearer(created.key));
    expect(after.status).toBe(401);
  });

  it('acts with its owner role and needs no CSRF token', async () => {
    await admin.send('POST', '/api/users', {
      email: 'v@example.com',
      name: 'V',
      role: 'viewer',
      password: PASSWORD,
    });
    const viewer = await logIn(api, { email: 'v@example.com', password: PASSWORD });
    const { key } = (await (
      await viewer.send('POST', '/api/api-keys', { name: 'read' })
    ).json()) as { key: string };
    const write = await api.request('/api/users', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'x@example.com',
        name: 'X',
        role: 'admin',
        password: PASSWORD,
      }),
    });
    expect(write.status).toBe(403);
    const { key: adminKey } = (await (
      await admin.send('POST', '/api/api-keys', { name: 'adm' })
    ).json()) as {
      key: string;
    };
    const adminWrite = await api.request('/api/users', {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'x@example.com',
        name: 'X',
        role: 'member',
        password: PASSWORD,
      }),
    });
    expect(adminWrite.status).toBe(201);
  });

  it('refuses a made-up key with 401 and does not let users delete each other keys', async () => {
    expect((await api.request('/api/auth/me', bearer('owl_madeup'))).status).toBe(401);
    await admin.send('POST', '/api/users', {
      email: 'm@example.com',
      name: 'M',
      role: 'member',
      password: PASSWORD,
    });
    const member = await logIn(api, { email: 'm@example.com', password: PASSWORD });
    const { id } = (await (await admin.send('POST', '/api/api-keys', { name: 'adm' })).json()) as {
      id: string;
    };
    expect((await member.send('DELETE', `/api/api-keys/${id}`)).status).toBe(404);
  });
});
