import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyNetworkError } from './classify-error.ts';
import { createPolicyDispatcher } from './dispatcher.ts';
import { sendJson, startHttpServer, type LocalServer } from './testing/local-server.ts';

let target: LocalServer;
let proxy: Server;
let proxyUrl: string;
const tunnels: string[] = [];

// A minimal CONNECT proxy on loopback: loopback is forbidden for targets, but the operator's proxy is trusted.
beforeAll(async () => {
  target = await startHttpServer((_req, res) => {
    sendJson(res, 200, { via: 'proxy' });
  });
  proxy = createServer((_req, res) => {
    res.writeHead(405).end();
  });
  proxy.on('connect', (req, client) => {
    tunnels.push(req.url ?? '');
    const [host = '', port = ''] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await target.close();
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
});

async function get(url: string, allowedHosts: Array<{ host: string; port?: number }>) {
  const dispatcher = createPolicyDispatcher({
    policy: { allowPrivateNetworks: false, allowedHosts },
    proxy: { httpProxy: proxyUrl, httpsProxy: proxyUrl },
  });
  try {
    const response = await request(url, { dispatcher });
    return { status: response.statusCode, body: await response.body.json() };
  } catch (error) {
    return classifyNetworkError(error);
  } finally {
    await dispatcher.close();
  }
}

describe('createPolicyDispatcher with a proxy', () => {
  it('reaches an allowed target through the proxy', async () => {
    const result = await get(`${target.origin}/`, [{ host: '127.0.0.1', port: target.port }]);
    expect(result).toEqual({ status: 200, body: { via: 'proxy' } });
    expect(tunnels).toContain(`127.0.0.1:${target.port}`);
  });

  it('refuses a forbidden target before the proxy is asked', async () => {
    const before = tunnels.length;
    expect(await get('http://10.0.0.1:8080/', [])).toMatchObject({
      kind: 'address_blocked',
      address: '10.0.0.1',
    });
    expect(await get(`${target.origin}/`, [])).toMatchObject({
      kind: 'address_blocked',
      addressClass: 'loopback',
    });
    expect(tunnels.length).toBe(before);
  });
});
