import { isIP, type Socket as NetSocket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { buildConnector } from 'undici';
import { NetFailureError } from './failure.ts';
import { unbracket } from './ip.ts';
import { resolveHost } from './resolve.ts';
import { vetHost, type VetOptions } from './vet.ts';

/** TLS settings passed through to `tls.connect`. */
export interface TlsOptions {
  /** Replaces Node's CA list; to add an internal CA to it instead, start Node with NODE_EXTRA_CA_CERTS. */
  ca?: string | Buffer | Array<string | Buffer>;
}

/** Options of the policy-enforcing connector. */
export interface PolicyConnectorOptions extends VetOptions {
  connectTimeoutMs: number;
  tls?: TlsOptions;
  /** `host:port` endpoints reached without the policy: the operator's own proxies. */
  trustedEndpoints?: ReadonlySet<string>;
}

type Socket = NetSocket | TLSSocket;

function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

/**
 * An undici connector that resolves the host itself, vets every address
 * against the network policy, and connects to a vetted address, so DNS cannot
 * change between the check and the connect. TLS still verifies the original
 * host name (SNI and certificate), because `host` and `servername` are kept.
 */
export function createPolicyConnector(options: PolicyConnectorOptions): buildConnector.connector {
  const connect = buildConnector({ timeout: options.connectTimeoutMs, ...options.tls });

  const attempt = (opts: buildConnector.Options, address: string): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const hostname = unbracket(opts.hostname);
      const servername = opts.servername ?? (isIP(hostname) === 0 ? hostname : undefined);
      const target = {
        ...opts,
        hostname: address,
        ...(servername === undefined ? {} : { servername }),
      };
      connect(target, (...args) => {
        const [error, socket] = args;
        if (error === null) {
          resolve(socket);
        } else {
          reject(error);
        }
      });
    });

  return (opts, callback) => {
    const port = opts.port === '' ? defaultPort(opts.protocol) : Number(opts.port);
    const trusted =
      options.trustedEndpoints?.has(`${unbracket(opts.hostname).toLowerCase()}:${port}`) ?? false;
    const connectVetted = async (): Promise<Socket> => {
      const vetted = trusted
        ? await resolveHost(opts.hostname, options.lookup, options.dnsTimeoutMs)
        : await vetHost(opts.hostname, port, options);
      if (!vetted.ok) {
        throw new NetFailureError(vetted.error);
      }
      let firstError: unknown;
      for (const address of vetted.value) {
        try {
          return await attempt(opts, address);
        } catch (error) {
          firstError ??= error;
        }
      }
      throw firstError;
    };
    // Every outcome, a bug included, must reach the callback, or the request would hang.
    connectVetted().then(
      (socket) => {
        callback(null, socket);
      },
      (error: unknown) => {
        callback(error instanceof Error ? error : new Error('connect failed'), null);
      },
    );
  };
}
