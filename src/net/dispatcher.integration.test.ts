import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyNetworkError } from './classify-error.ts';
import { createPolicyDispatcher, type OutboundOptions } from './dispatcher.ts';
import type { NetFailure } from './failure.ts';
import type { LookupAll } from './resolve.ts';
import { createTestCertificates, type TestCertificates } from './testing/certificates.ts';
import {
  closedPort,
  sendJson,
  startHttpServer,
  startHttpsServer,
  type LocalServer,
} from './testing/local-server.ts';

let server: LocalServer;
let silent: LocalServer;
let certs: TestCertificates;

beforeAll(async () => {
  certs = createTestCertificates();
  server = await startHttpServer((req, res) => {
    sendJson(res, 200, { host: req.headers.host });
  });
  silent = await startHttpServer(() => undefined); // never answers
});
afterAll(async () => {
  await server.close();
  await silent.close();
});

const fakeDns =
  (answers: Record<string, string[]>): LookupAll =>
  (hostname) => {
    const addresses = answers[hostname];
    return addresses === undefined
      ? Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }))
      : Promise.resolve(addresses);
  };

async function get(
  url: string,
  options: OutboundOptions,
): Promise<{ status: number; body: unknown } | NetFailure> {
  const dispatcher = createPolicyDispatcher(options);
  try {
    const response = await request(url, { dispatcher });
    return { status: response.statusCode, body: await response.body.json() };
  } catch (error) {
    return classifyNetworkError(error);
  } finally {
    await dispatcher.close();
  }
}

const noHosts = { allowPrivateNetworks: false, allowedHosts: [] };

describe('createPolicyDispatcher', () => {
  it('connects to a loopback host listed in allowedHosts with its port', async () => {
    const policy = {
      allowPrivateNetworks: false,
      allowedHosts: [{ host: '127.0.0.1', port: server.port }],
    };
    expect(await get(`${server.origin}/`, { policy })).toMatchObject({ status: 200 });
  });

  it('never opens a connection to a blocked address', async () => {
    const before = server.connections();
    expect(await get(`${server.origin}/`, { policy: noHosts })).toEqual({
      kind: 'address_blocked',
      host: '127.0.0.1',
      port: server.port,
      address: '127.0.0.1',
      addressClass: 'loopback',
      remedy: 'allowed_hosts',
    });
    const otherPort = {
      allowPrivateNetworks: true,
      allowedHosts: [{ host: '127.0.0.1', port: server.port + 1 }],
    };
    expect(await get(`${server.origin}/`, { policy: otherPort })).toMatchObject({
      kind: 'address_blocked',
    });
    expect(server.connections()).toBe(before);
  });

  it('refuses a name if any of its addresses is forbidden', async () => {
    const lookup = fakeDns({ 'jira.test': ['93.184.216.34', '127.0.0.1'] });
    const policy = { allowPrivateNetworks: false, allowedHosts: [] };
    const before = server.connections();
    expect(await get(`http://jira.test:${server.port}/`, { policy, lookup })).toMatchObject({
      kind: 'address_blocked',
      host: 'jira.test',
      address: '127.0.0.1',
    });
    expect(server.connections()).toBe(before);
  });

  it('connects to the vetted address while keeping the host name', async () => {
    const lookup = fakeDns({ 'jira.test': ['127.0.0.1'] });
    const policy = { allowPrivateNetworks: false, allowedHosts: [{ host: 'jira.test' }] };
    expect(await get(`http://jira.test:${server.port}/`, { policy, lookup })).toEqual({
      status: 200,
      body: { host: `jira.test:${server.port}` },
    });
  });

  it('resolves once per connection and connects to that answer, so rebinding cannot slip in', async () => {
    const answers = [['127.0.0.1'], ['10.0.0.1']];
    let lookups = 0;
    const lookup: LookupAll = () => Promise.resolve(answers[lookups++] ?? []);
    const policy = {
      allowPrivateNetworks: false,
      allowedHosts: [{ host: 'rebind.test', port: server.port }],
    };
    expect(await get(`http://rebind.test:${server.port}/`, { policy, lookup })).toMatchObject({
      status: 200,
    });
    expect(lookups).toBe(1);
  });

  it('sees through other spellings of loopback', async () => {
    for (const host of ['0x7f.1', '2130706433', '127.1', '[::1]', '[::ffff:127.0.0.1]']) {
      expect(await get(`http://${host}:${server.port}/`, { policy: noHosts })).toMatchObject({
        kind: 'address_blocked',
        addressClass: 'loopback',
      });
    }
  });

  it('reports DNS failures, .invalid names without a query', async () => {
    const lookup: LookupAll = () => Promise.reject(new Error('must not be called'));
    expect(await get('https://jira.example.invalid/', { policy: noHosts, lookup })).toEqual({
      kind: 'dns',
      host: 'jira.example.invalid',
      code: 'ENOTFOUND',
    });
    expect(
      await get('https://nowhere.test/', { policy: noHosts, lookup: fakeDns({}) }),
    ).toMatchObject({
      kind: 'dns',
      code: 'ENOTFOUND',
    });
  });

  it('reports a closed port as refused', async () => {
    const port = await closedPort();
    const policy = { allowPrivateNetworks: false, allowedHosts: [{ host: '127.0.0.1' }] };
    expect(await get(`http://127.0.0.1:${port}/`, { policy })).toEqual({
      kind: 'refused',
      code: 'ECONNREFUSED',
    });
  });

  it('times out waiting for headers', async () => {
    const policy = { allowPrivateNetworks: false, allowedHosts: [{ host: '127.0.0.1' }] };
    expect(await get(`${silent.origin}/`, { policy, timeouts: { headersMs: 100 } })).toEqual({
      kind: 'timeout',
      phase: 'headers',
      code: 'UND_ERR_HEADERS_TIMEOUT',
    });
  });
});

describe('createPolicyDispatcher over TLS', () => {
  const lookup = fakeDns({ localhost: ['127.0.0.1'] });
  const policy = {
    allowPrivateNetworks: false,
    allowedHosts: [{ host: 'localhost' }, { host: '127.0.0.1' }],
  };

  async function getTls(cert: { cert: string; key: string }, host = 'localhost', trustCa = true) {
    const tlsServer = await startHttpsServer((_req, res) => {
      sendJson(res, 200, { ok: true });
    }, cert);
    try {
      const tls = trustCa ? { ca: certs.ca } : {};
      return await get(`https://${host}:${tlsServer.port}/`, { policy, lookup, tls });
    } finally {
      await tlsServer.close();
    }
  }

  it('verifies the certificate against the host name, not the address', async () => {
    expect(await getTls(certs.valid)).toEqual({ status: 200, body: { ok: true } });
  });

  it.each([
    ['self-signed', () => certs.selfSigned, 'self_signed', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ['expired', () => certs.expired, 'expired', 'CERT_HAS_EXPIRED'],
    [
      'for another name',
      () => certs.otherName,
      'hostname_mismatch',
      'ERR_TLS_CERT_ALTNAME_INVALID',
    ],
  ])('reports a certificate %s', async (_name, cert, reason, code) => {
    expect(await getTls(cert())).toEqual({ kind: 'tls', reason, code });
  });

  it('reports https spoken to a plain HTTP port as a TLS protocol error', async () => {
    const policy = { allowPrivateNetworks: false, allowedHosts: [{ host: '127.0.0.1' }] };
    expect(await get(`https://127.0.0.1:${server.port}/`, { policy })).toMatchObject({
      kind: 'tls',
      reason: 'protocol',
    });
  });

  it('reports an unknown CA as untrusted', async () => {
    expect(await getTls(certs.valid, 'localhost', false)).toMatchObject({
      kind: 'tls',
      reason: 'untrusted',
    });
  });

  it('reports a certificate without the IP when connecting by IP', async () => {
    expect(await getTls(certs.valid, '127.0.0.1')).toMatchObject({
      kind: 'tls',
      reason: 'hostname_mismatch',
    });
  });
});
