import type { BlockedAddress } from './policy.ts';

/** Why a TLS handshake failed, from the Node/OpenSSL error code. */
export type TlsFailureReason =
  'self_signed' | 'expired' | 'not_yet_valid' | 'hostname_mismatch' | 'untrusted' | 'protocol';

/** A phase a request can time out in; `request` is the overall cap of `sendRequest`. */
export type TimeoutPhase = 'dns' | 'connect' | 'headers' | 'body' | 'request';

/**
 * Why an outbound connection or request failed below HTTP. `code` is the
 * Node/undici/OpenSSL error code, kept for diagnostics.
 */
export type NetFailure =
  | ({ kind: 'address_blocked' } & BlockedAddress)
  | { kind: 'dns'; host: string; code: string }
  | { kind: 'refused'; code: string }
  | { kind: 'reset'; code: string }
  | { kind: 'unreachable'; code: string }
  | { kind: 'timeout'; phase: TimeoutPhase; code: string }
  | { kind: 'tls'; reason: TlsFailureReason; code: string }
  | { kind: 'other'; code: string };

/**
 * Carries a NetFailure through undici, whose connector API only passes Errors.
 * Callers never see it: `classifyNetworkError` turns it back into the value.
 */
export class NetFailureError extends Error {
  override readonly name = 'NetFailureError';
  readonly code: string;

  constructor(readonly failure: NetFailure) {
    super(`outbound connection failed: ${failure.kind}`);
    this.code = failure.kind === 'address_blocked' ? 'ADDRESS_BLOCKED' : failure.code;
  }
}

/** The verification code (PRODUCT.md §2) a network failure maps to. */
export function netFailureCode(
  failure: NetFailure,
): 'address_blocked' | 'dns_failed' | 'unreachable' | 'tls_error' {
  switch (failure.kind) {
    case 'address_blocked':
      return 'address_blocked';
    case 'dns':
      return 'dns_failed';
    case 'tls':
      return 'tls_error';
    case 'refused':
    case 'reset':
    case 'unreachable':
    case 'timeout':
    case 'other':
      return 'unreachable';
  }
}
