/** Outbound network policy (PRODUCT.md §5): vetted addresses on every connection, redirects, timeouts. */
export { classifyAddress, type AddressClass } from './address-class.ts';
export { parseAllowedHosts } from './allowed-hosts.ts';
export { classifyNetworkError } from './classify-error.ts';
export type { TlsOptions } from './connector.ts';
export { createPolicyDispatcher, type OutboundOptions } from './dispatcher.ts';
export {
  NetFailureError,
  netFailureCode,
  type NetFailure,
  type TimeoutPhase,
  type TlsFailureReason,
} from './failure.ts';
export {
  checkTarget,
  isAllowedHost,
  PUBLIC_ONLY_POLICY,
  type AllowedHost,
  type BlockedAddress,
  type BlockRemedy,
  type ConnectTarget,
  type NetworkPolicy,
} from './policy.ts';
export {
  probeConnection,
  type ProbeOptions,
  type ProbeReport,
  type ProbeStage,
  type TlsSummary,
} from './probe.ts';
export type { ProxyOptions } from './proxy.ts';
export { resolveHost, systemLookup, type LookupAll } from './resolve.ts';
export type { Result } from './result.ts';
export {
  sendRequest,
  type OutboundRequest,
  type OutboundResponse,
  type SendFailure,
} from './send.ts';
export { DEFAULT_TIMEOUTS, type Timeouts } from './timeouts.ts';
export { vetHost, type VetOptions } from './vet.ts';
