import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeConnection } from './probe.ts';
import type { LookupAll } from './resolve.ts';
import { createTestCertificates, type TestCertificates } from './testing/certificates.ts';
import {
  closedPort,
  startHttpServer,
  startHttpsServer,
  type LocalServer,
} from './testing/local-server.ts';

let certs: TestCertificates;
let http: LocalServer;
let https: LocalServer;
let selfSigned: LocalServer;

beforeAll(async () => {
  certs = createTestCertificates();
  http = await startHttpServer((_req, res) => res.end());
  https = await startHttpsServer((_req, res) => res.end(), certs.valid);
  selfSigned = await startHttpsServer((_req, res) => res.end(), certs.selfSigned);
});
afterAll(async () => {
  await Promise.all([http.close(), https.close(), selfSigned.close()]);
});

const lookup: LookupAll = (name) =>
  name === 'localhost'
    ? Promise.resolve(['127.0.0.1'])
    : Promise.reject(Object.assign(new Error(), { code: 'ENOTFOUND' }));
const policy = {
  allowPrivateNetworks: false,
  allowedHosts: [{ host: 'localhost' }, { host: '127.0.0.1' }],
};
let tick = 0;
const now = () => (tick += 5);

describe('probeConnection', () => {
  it('reports DNS, TCP and TLS with durations and the certificate', async () => {
    const report = await probeConnection(new URL(`https://localhost:${https.port}/jira`), {
      policy,
      lookup,
      now,
      tls: { ca: certs.ca },
    });
    expect(report).toEqual({
      ok: true,
      stages: [
        { stage: 'dns', durationMs: 5 },
        { stage: 'tcp', durationMs: 5 },
        { stage: 'tls', durationMs: 5 },
      ],
      addresses: ['127.0.0.1'],
      address: '127.0.0.1',
      tls: expect.objectContaining({ subject: 'localhost', issuer: 'OwlHub Test CA' }),
    });
  });

  it('skips TLS for http', async () => {
    const report = await probeConnection(new URL(http.origin), { policy, lookup });
    expect(report.ok && report.stages.map((s) => s.stage)).toEqual(['dns', 'tcp']);
  });

  it('stops at the failing stage', async () => {
    const blocked = await probeConnection(new URL(http.origin), {
      policy: { allowPrivateNetworks: true, allowedHosts: [] },
    });
    expect(blocked).toMatchObject({
      ok: false,
      stages: [{ stage: 'dns' }],
      failure: { kind: 'address_blocked' },
    });

    const dns = await probeConnection(new URL('https://jira.invalid/'), { policy, lookup });
    expect(dns).toMatchObject({ ok: false, failure: { kind: 'dns', code: 'ENOTFOUND' } });

    const refused = await probeConnection(new URL(`http://127.0.0.1:${await closedPort()}`), {
      policy,
    });
    expect(refused).toMatchObject({
      ok: false,
      stages: [{ stage: 'dns' }, { stage: 'tcp', failure: { kind: 'refused' } }],
    });

    const tls = await probeConnection(new URL(`https://localhost:${selfSigned.port}`), {
      policy,
      lookup,
    });
    expect(tls).toMatchObject({
      ok: false,
      stages: [{ stage: 'dns' }, { stage: 'tcp' }, { stage: 'tls' }],
      failure: { kind: 'tls', reason: 'self_signed', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    });
  });
});
