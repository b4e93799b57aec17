import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, test } from 'vitest';
import { webAssets } from '../../src/server/web-assets.ts';

const built = mkdtempSync(join(tmpdir(), 'owlhub-web-'));
mkdirSync(join(built, 'assets'));
writeFileSync(join(built, 'index.html'), '<!doctype html><title>OwlHub</title>');
writeFileSync(join(built, 'assets', 'index-Ab12Cd34.js'), 'console.log(1)');
writeFileSync(join(built, 'assets', 'index-Ab12Cd34.css'), 'body{}');

afterAll(() => rmSync(built, { recursive: true, force: true }));

/** The middleware in front of a stand-in for the API and its 404. */
function appServing(dir: string): Hono {
  const app = new Hono();
  app.use('*', webAssets(dir));
  app.post('/api/echo', (c) => c.text('api'));
  app.notFound((c) => c.json({ error: { code: 'not_found' } }, 404));
  return app;
}

describe('serving the built web app', () => {
  const app = appServing(built);

  test.each(['/', '/integrations', '/integrations/abc/edit', '/settings/jira'])(
    '%s answers index.html, revalidated, with a content security policy',
    async (path) => {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await response.text()).toContain('<title>OwlHub</title>');
    },
  );

  test('hashed assets have their content type and are cached for good', async () => {
    const script = await app.request('/assets/index-Ab12Cd34.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const style = await app.request('/assets/index-Ab12Cd34.css');
    expect(style.headers.get('content-type')).toMatch(/^text\/css/);
  });

  test('a missing asset is a 404, not the app', async () => {
    const response = await app.request('/assets/index-Old00000.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBeNull();
  });

  test('/api stays the API: unknown paths 404 as JSON, writes pass through', async () => {
    expect((await app.request('/api/nothing')).status).toBe(404);
    expect(await (await app.request('/api/echo', { method: 'POST' })).text()).toBe('api');
  });

  test('paths that try to climb out of the folder do not', async () => {
    const response = await app.request('/..%2f..%2fetc/passwd');
    expect(await response.text()).not.toContain('root:');
  });
});

test('without a build, / says how to make one instead of failing', async () => {
  const response = await appServing(join(built, 'missing')).request('/');
  expect(response.status).toBe(503);
  expect(await response.text()).toContain('npm run build:web');
});
