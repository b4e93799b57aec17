import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, jsonInit, logIn } from '../../../test/support/api.ts';
import type { TestApi } from '../../../test/support/api.ts';
import { DIALECTS, createTestStorage } from '../../../test/support/storage.ts';
import type { Storage } from '../../storage/connect.ts';

const ADMIN = { email: 'admin@example.com', password: 'correct horse battery', name: 'Ada Admin' };

describe.each(DIALECTS)('auth API on %s', (dialect) => {
  let storage: Storage;
  let api: TestApi;
  beforeEach(async () => {
    storage = await createTestStorage(dialect);
    api = await createTestApi(storage);
  });
  afterEach(async () => {
    await api.close();
    await storage.close();
  });

  it('answers health 200 with the database reachable', async () => {
    const response = await api.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('creates the first admin once, then refuses setup with 409', async () => {
    const admin = await logIn(api, ADMIN, true);
    const me = await (await admin.get('/api/auth/me')).json();
    expect(me).toMatchObject({ user: { email: ADMIN.email, role: 'admin' } });
    const again = await api.request(
      '/api/auth/setup',
      jsonInit('POST', { ...ADMIN, email: 'other@example.com' }),
    );
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'conflict' } });
  });

  it('says setup is open until the first admin exists, to anyone', async () => {
    const before = await api.request('/api/auth/setup');
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({ open: true });
    await logIn(api, ADMIN, true);
    expect(await (await api.request('/api/auth/setup')).json()).toEqual({ open: false });
  });

  it('lets exactly one of several racing setup requests win', async () => {
    const attempts = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        api.request(
          '/api/auth/setup',
          jsonInit('POST', { ...ADMIN, email: `admin${n}@example.com` }),
        ),
      ),
    );
    expect(attempts.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
  });

  it('sets an HttpOnly SameSite=Strict session cookie and ends it on logout', async () => {
    const response = await api.request('/api/auth/setup', jsonInit('POST', ADMIN));
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const browser = await logIn(api, ADMIN);
    expect((await browser.send('POST', '/api/auth/logout')).status).toBe(204);
    expect((await browser.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a wrong password with 401 and throttles after five failures', async () => {
    await logIn(api, ADMIN, true);
    const wrong = () =>
      api.request('/api/auth/login', jsonInit('POST', { ...ADMIN, password: 'not the password' }));
    for (let i = 0; i < 5; i += 1) expect((await wrong()).status).toBe(401);
    const throttled = await wrong();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('900');
    const right = await api.request('/api/auth/login', jsonInit('POST', ADMIN));
    expect(right.status).toBe(429);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const admin = await logIn(api, ADMIN, true);
    const body = {
      email: 'm@example.com',
      name: 'M',
      role: 'member',
      password: 'a long password!',
    };
    const forged = await api.request('/api/users', {
      ...jsonInit('POST', body),
      headers: { 'content-type': 'application/json', cookie: admin.cookie },
    });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: { code: 'csrf_failed' } });
    const wrongToken = await api.request('/api/users', {
      ...jsonInit('POST', body),
      headers: {
        'content-type': 'application/json',
        cookie: admin.cookie,
        'x-csrf-token': 'x'.repeat(43),
      },
    });
    expect(wrongToken.status).toBe(403);
    expect((await admin.send('POST', '/api/users', body)).status).toBe(201);
  });

  it('answers bad input with 400 and a message per field, never 500', async () => {
    const notJson = await api.request('/api/auth/setup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'invalid_input' } });
    const badFields = await api.request(
      '/api/auth/setup',
      jsonInit('POST', { email: 'nope', password: 'short' }),
    );
    expect(badFields.status).toBe(400);
    const { error } = (await badFields.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.fields).sort()).toEqual(['email', 'name', 'password']);
    const unknownRoute = await api.request('/api/nothing-here');
    expect(unknownRoute.status).toBe(404);
    expect(await unknownRoute.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('never logs a password, a session cookie or a CSRF token', async () => {
    const admin = await logIn(api, ADMIN, true);
    await api.request(
      '/api/auth/login',
      jsonInit('POST', { ...ADMIN, password: 'wrong password here' }),
    );
    await admin.get('/api/auth/me');
    await admin.send('POST', '/api/api-keys', { name: 'ci' });
    const log = api.logText();
    expect(log).toContain('"path":"/api/auth/me"');
    for (const secret of [
      ADMIN.password,
      'wrong password here',
      admin.cookie.split('=')[1] ?? '',
      admin.csrfToken,
    ]) {
      expect(secret.length).toBeGreaterThan(0);
      expect(log).not.toContain(secret);
    }
  });
});
