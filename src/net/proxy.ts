import { EnvHttpProxyAgent, type Dispatcher } from 'undici';
import { NetFailureError } from './failure.ts';
import { unbracket } from './ip.ts';
import { vetHost, type VetOptions } from './vet.ts';

/** Proxy settings, as read by the composition root from HTTP(S)_PROXY / NO_PROXY. */
export interface ProxyOptions {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

/** The `host:port` of each configured proxy, which the connector must reach without the policy. */
export function proxyEndpoints(proxy: ProxyOptions): Set<string> {
  const endpoints = new Set<string>();
  for (const value of [proxy.httpProxy, proxy.httpsProxy]) {
    if (value !== undefined && value !== '') {
      const url = new URL(value);
      const port = url.port === '' ? (url.protocol === 'https:' ? '443' : '80') : url.port;
      endpoints.add(`${unbracket(url.hostname).toLowerCase()}:${port}`);
    }
  }
  return endpoints;
}

/**
 * Refuses a request before it reaches the proxy when its target host resolves
 * (here) to a forbidden address. The proxy does the connecting, so rebinding
 * between this check and its own lookup cannot be excluded, and names that do
 * not resolve here are left to the proxy: with a proxy, the proxy's egress
 * rules are the last line. Direct (NO_PROXY) requests are vetted again by the
 * connector, which has no such gap.
 */
function precheckInterceptor(options: VetOptions): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    const origin = new URL(String(opts.origin));
    const port =
      origin.port === '' ? (origin.protocol === 'https:' ? 443 : 80) : Number(origin.port);
    const fail = (error: Error): void => {
      // The request never started, so the controller has nothing to abort or pause.
      const controller = {
        aborted: true,
        paused: false,
        reason: error,
        abort() {},
        pause() {},
        resume() {},
      };
      handler.onResponseError?.(controller, error);
    };
    vetHost(origin.hostname, port, options).then(
      (vetted) => {
        if (!vetted.ok && vetted.error.kind === 'address_blocked') {
          fail(new NetFailureError(vetted.error));
          return;
        }
        try {
          dispatch(opts, handler);
        } catch (error) {
          fail(error instanceof Error ? error : new Error('dispatch failed'));
        }
      },
      (error: unknown) => {
        fail(error instanceof Error ? error : new Error('target check failed'));
      },
    );
    return true;
  };
}

/** Builds the proxy-aware dispatcher; `agentOptions.connect` is the policy connector. */
export function createProxyDispatcher(
  proxy: ProxyOptions,
  agentOptions: EnvHttpProxyAgent.Options,
  vet: VetOptions,
): Dispatcher {
  // Empty strings, not undefined: undici would otherwise read process.env, and only main.ts may.
  // As in undici, https targets fall back to the http proxy when no https proxy is set.
  const agent = new EnvHttpProxyAgent({
    ...agentOptions,
    httpProxy: proxy.httpProxy ?? '',
    httpsProxy: proxy.httpsProxy ?? '',
    noProxy: proxy.noProxy ?? '',
  });
  return agent.compose(precheckInterceptor(vet));
}
