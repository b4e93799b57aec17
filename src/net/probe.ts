import { isIP, connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type PeerCertificate } from 'node:tls';
import { classifyNetworkError } from './classify-error.ts';
import type { NetFailure } from './failure.ts';
import { unbracket } from './ip.ts';
import type { NetworkPolicy } from './policy.ts';
import { systemLookup, type LookupAll } from './resolve.ts';
import type { TlsOptions } from './connector.ts';
import type { Result } from './result.ts';
import { vetHost } from './vet.ts';

/** One stage of a connection probe: how long it took and, if it failed, why. */
export interface ProbeStage {
  stage: 'dns' | 'tcp' | 'tls';
  durationMs: number;
  failure?: NetFailure;
}

/** What the TLS stage learnt about the server certificate (for the verification checklist). */
export interface TlsSummary {
  protocol: string | null;
  subject: string | undefined;
  issuer: string | undefined;
  validTo: string | undefined;
}

/** The outcome of `probeConnection`: stages in order, stopping at the first failure. */
export type ProbeReport =
  | { ok: true; stages: ProbeStage[]; addresses: string[]; address: string; tls?: TlsSummary }
  | { ok: false; stages: ProbeStage[]; failure: NetFailure };

/** Options of `probeConnection`. */
export interface ProbeOptions {
  policy: NetworkPolicy;
  timeoutMs?: number;
  lookup?: LookupAll;
  tls?: TlsOptions;
  /** Injectable clock (milliseconds) so tests can assert durations. */
  now?: () => number;
}

function once<T>(start: (done: (error: Error | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((error, value) => {
      if (error !== null || value === undefined) {
        reject(error ?? new Error('no value'));
      } else {
        resolve(value);
      }
    });
  });
}

function openTcp(address: string, port: number, timeoutMs: number): Promise<Socket> {
  return once((done) => {
    const socket = tcpConnect({ host: address, port, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.setTimeout(0);
      done(null, socket);
    });
    socket.once('timeout', () => {
      socket.destroy();
      done(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' }));
    });
    socket.once('error', (error) => {
      done(error);
    });
  });
}

function commonName(name: PeerCertificate['subject'] | undefined): string | undefined {
  const cn = name?.CN;
  return Array.isArray(cn) ? cn.join(', ') : cn;
}

function handshake(
  socket: Socket,
  host: string,
  timeoutMs: number,
  tls: TlsOptions | undefined,
): Promise<TlsSummary> {
  return once((done) => {
    // SNI must not carry IP literals (RFC 6066); certificate checks still use `host`.
    const servername = isIP(host) === 0 ? host : undefined;
    const secure = tlsConnect({
      socket,
      host,
      ...(servername === undefined ? {} : { servername }),
      ...tls,
    });
    const timer = setTimeout(() => {
      secure.destroy();
      done(
        Object.assign(new Error('TLS handshake timeout'), { code: 'ERR_TLS_HANDSHAKE_TIMEOUT' }),
      );
    }, timeoutMs);
    secure.once('secureConnect', () => {
      clearTimeout(timer);
      const cert: PeerCertificate = secure.getPeerCertificate();
      done(null, {
        protocol: secure.getProtocol(),
        subject: commonName(cert.subject),
        issuer: commonName(cert.issuer),
        validTo: cert.valid_to,
      });
      secure.destroy();
    });
    secure.once('error', (error: Error) => {
      clearTimeout(timer);
      done(error);
    });
  });
}

/**
 * Runs the DNS (with the policy check), TCP and TLS stages of a connection to
 * `url` separately, timing each, so the verification chain can say exactly
 * which one failed. Sends no HTTP request.
 */
export async function probeConnection(url: URL, options: ProbeOptions): Promise<ProbeReport> {
  const now = options.now ?? (() => performance.now());
  const timeoutMs = options.timeoutMs ?? 10_000;
  const host = unbracket(url.hostname);
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  const stages: ProbeStage[] = [];
  const timed = async <T>(
    stage: ProbeStage['stage'],
    run: () => Promise<T>,
  ): Promise<Result<T, NetFailure>> => {
    const started = now();
    try {
      const value = await run();
      stages.push({ stage, durationMs: now() - started });
      return { ok: true, value };
    } catch (error) {
      const failure = classifyNetworkError(error);
      stages.push({ stage, durationMs: now() - started, failure });
      return { ok: false, error: failure };
    }
  };

  const started = now();
  const vetted = await vetHost(host, port, {
    policy: options.policy,
    lookup: options.lookup ?? systemLookup,
    dnsTimeoutMs: timeoutMs,
  });
  if (!vetted.ok) {
    stages.push({ stage: 'dns', durationMs: now() - started, failure: vetted.error });
    return { ok: false, stages, failure: vetted.error };
  }
  stages.push({ stage: 'dns', durationMs: now() - started });
  const [address] = vetted.value;
  if (address === undefined) {
    throw new Error('vetHost returned no address');
  }
  const socket = await timed('tcp', () => openTcp(address, port, timeoutMs));
  if (!socket.ok) {
    return { ok: false, stages, failure: socket.error };
  }
  if (url.protocol !== 'https:') {
    socket.value.destroy();
    return { ok: true, stages, addresses: vetted.value, address };
  }
  const tls = await timed('tls', () => handshake(socket.value, host, timeoutMs, options.tls));
  socket.value.destroy();
  if (!tls.ok) {
    return { ok: false, stages, failure: tls.error };
  }
  return { ok: true, stages, addresses: vetted.value, address, tls: tls.value };
}
