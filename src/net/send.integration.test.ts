import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPolicyDispatcher } from './dispatcher.ts';
import { sendRequest } from './send.ts';
import { sendJson, startHttpServer, type LocalServer } from './testing/local-server.ts';

let a: LocalServer;
let b: LocalServer;

// `a` redirects as its path says; `b` (another origin: another port) echoes what it got.
beforeAll(async () => {
  b = await startHttpServer((req, res) => {
    sendJson(res, 200, {
      auth: req.headers.authorization ?? null,
      method: req.method,
      body: req.body,
    });
  });
  a = await startHttpServer((req, res) => {
    const [, kind, status = '302'] = req.url.split('/');
    const locations: Record<string, string> = {
      same: '/echo',
      cross: `${b.origin}/echo`,
      blocked: 'http://10.0.0.1/',
      metadata: 'http://169.254.169.254/latest/meta-data/',
      loop: '/loop/302',
      ftp: 'ftp://example.com/',
    };
    if (kind === 'slow') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{'); // and never finish
      return;
    }
    const location = locations[kind ?? ''];
    if (location === undefined) {
      sendJson(res, 200, {
        auth: req.headers.authorization ?? null,
        method: req.method,
        body: req.body,
      });
      return;
    }
    res.writeHead(Number(status), { location });
    res.end();
  });
});
afterAll(async () => {
  await a.close();
  await b.close();
});

const dispatcher = () =>
  createPolicyDispatcher({
    policy: { allowPrivateNetworks: false, allowedHosts: [{ host: '127.0.0.1' }] },
  });

async function send(path: string, method: 'GET' | 'POST' = 'GET', maxBodyBytes?: number) {
  const d = dispatcher();
  try {
    return await sendRequest(d, {
      url: new URL(path, a.origin),
      method,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      credentials: { authorization: 'Bearer s3cr3t-token' },
      ...(method === 'POST' ? { body: '{"x":1}' } : {}),
      ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
    });
  } finally {
    await d.close();
  }
}

function json(result: Awaited<ReturnType<typeof send>>): unknown {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return JSON.parse(result.value.body);
}

describe('sendRequest redirects', () => {
  it('keeps credentials on a same-origin redirect', async () => {
    expect(json(await send('/same'))).toMatchObject({ auth: 'Bearer s3cr3t-token' });
  });

  it('drops credentials on a redirect to another origin', async () => {
    const result = await send('/cross');
    expect(json(result)).toMatchObject({ auth: null });
    expect(result.ok && result.value.url.origin).toBe(b.origin);
    expect(result.ok && result.value.redirects).toBe(1);
  });

  it('vets every hop: a redirect to a forbidden address is refused', async () => {
    expect(await send('/blocked')).toMatchObject({
      ok: false,
      error: { kind: 'address_blocked', address: '10.0.0.1', addressClass: 'private' },
    });
    expect(await send('/metadata')).toMatchObject({
      ok: false,
      error: { kind: 'address_blocked', addressClass: 'metadata' },
    });
  });

  it('stops after the redirect limit and refuses non-HTTP targets', async () => {
    expect(await send('/loop/302')).toEqual({
      ok: false,
      error: { kind: 'too_many_redirects', limit: 5 },
    });
    expect(await send('/ftp')).toEqual({
      ok: false,
      error: { kind: 'bad_redirect', location: 'ftp://example.com/' },
    });
  });

  it('turns POST into GET on 303 and keeps it on 307', async () => {
    expect(json(await send('/same/303', 'POST'))).toMatchObject({ method: 'GET', body: '' });
    expect(json(await send('/same/307', 'POST'))).toMatchObject({
      method: 'POST',
      body: '{"x":1}',
    });
  });

  it('refuses a body over the limit', async () => {
    expect(await send('/echo', 'GET', 10)).toEqual({
      ok: false,
      error: { kind: 'body_too_large', limit: 10 },
    });
  });
});

describe('sendRequest timeout', () => {
  it('caps the whole exchange, body included', async () => {
    const d = dispatcher();
    try {
      const result = await sendRequest(d, {
        url: new URL('/slow', a.origin),
        method: 'GET',
        timeoutMs: 150,
      });
      expect(result).toEqual({
        ok: false,
        error: { kind: 'timeout', phase: 'request', code: 'ETIMEDOUT' },
      });
    } finally {
      await d.destroy();
    }
  });
});
