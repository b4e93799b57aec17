import { Agent, type Dispatcher } from 'undici';
import { createPolicyConnector, type TlsOptions } from './connector.ts';
import type { NetworkPolicy } from './policy.ts';
import { createProxyDispatcher, proxyEndpoints, type ProxyOptions } from './proxy.ts';
import { systemLookup, type LookupAll } from './resolve.ts';
import { DEFAULT_TIMEOUTS, type Timeouts } from './timeouts.ts';

/** Everything an outbound dispatcher needs; only `policy` is required. */
export interface OutboundOptions {
  policy: NetworkPolicy;
  timeouts?: Partial<Timeouts>;
  /** Replaces the system resolver (tests fake DNS answers with it). */
  lookup?: LookupAll;
  tls?: TlsOptions;
  /** Route through a proxy; the proxy endpoints themselves are trusted, targets are still vetted. */
  proxy?: ProxyOptions;
}

/**
 * Creates the undici dispatcher every request to a user-given host must use:
 * each new connection resolves the host, vets every address against the
 * policy and connects only to a vetted one; connect, header and body phases
 * are bounded. Redirects are not followed here (the caller follows them, so
 * each hop comes back through this dispatcher and is vetted again).
 */
export function createPolicyDispatcher(options: OutboundOptions): Dispatcher {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const vet = {
    policy: options.policy,
    lookup: options.lookup ?? systemLookup,
    dnsTimeoutMs: timeouts.connectMs,
  };
  const proxies = options.proxy === undefined ? new Set<string>() : proxyEndpoints(options.proxy);
  const connect = createPolicyConnector({
    ...vet,
    connectTimeoutMs: timeouts.connectMs,
    trustedEndpoints: proxies,
    ...(options.tls === undefined ? {} : { tls: options.tls }),
  });
  const agentOptions = {
    connect,
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    ...(options.tls === undefined ? {} : { requestTls: options.tls, proxyTls: options.tls }),
  };
  if (options.proxy === undefined || proxies.size === 0) {
    return new Agent(agentOptions);
  }
  return createProxyDispatcher(options.proxy, agentOptions, vet);
}
