import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

/** Where `npm run build:web` puts the web app. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

// Vite names files under assets/ by content hash, so they never change and may be cached for good.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// index.html names the current hashes, so browsers must ask again each time.
const REVALIDATE = 'no-cache';
const PAGE_HEADERS = {
  'Cache-Control': REVALIDATE,
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};

/**
 * Serves the built web app at `/`: files as they are, and index.html for every other GET outside
 * /api, so that the app's own paths (/integrations/…) load on a reload or a shared link.
 */
export function webAssets(dir: string = WEB_DIST_DIR): MiddlewareHandler {
  // Made on first use: serveStatic complains at creation when the folder is not built yet.
  let handlers: { files: MiddlewareHandler; index: MiddlewareHandler } | undefined;
  const notFound = () => Promise.resolve();
  return async (c, next) => {
    const { method, path } = c.req;
    if ((method !== 'GET' && method !== 'HEAD') || path === '/api' || path.startsWith('/api/')) {
      return next();
    }
    // Checked per request, so that building after the server started needs no restart.
    if (!existsSync(join(dir, 'index.html'))) {
      return c.text(
        'The OwlHub web app is not built yet. Run `npm run build:web`, then reload.',
        503,
      );
    }
    handlers ??= {
      files: serveStatic({ root: dir }),
      index: serveStatic({ root: dir, path: 'index.html' }),
    };
    const file = await handlers.files(c, notFound);
    if (file) {
      const hashed = path.startsWith('/assets/');
      const headers = hashed ? { 'Cache-Control': IMMUTABLE } : PAGE_HEADERS;
      for (const [name, value] of Object.entries(headers)) file.headers.set(name, value);
      return file;
    }
    // A missing hashed asset is an old page asking for a file that is gone: a 404, not the app.
    if (path.startsWith('/assets/')) return next();
    const page = await handlers.index(c, notFound);
    if (!page) return next();
    for (const [name, value] of Object.entries(PAGE_HEADERS)) page.headers.set(name, value);
    return page;
  };
}
