import { NetFailureError, type NetFailure, type TlsFailureReason } from './failure.ts';

const TLS_REASONS: Record<string, TlsFailureReason> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self_signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'self_signed',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not_yet_valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'hostname_mismatch',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted',
  CERT_UNTRUSTED: 'untrusted',
  CERT_REVOKED: 'untrusted',
  CERT_SIGNATURE_FAILURE: 'untrusted',
  ERR_TLS_HANDSHAKE_TIMEOUT: 'protocol',
};

const DNS_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NODATA',
  'EAI_FAIL',
  'ENODATA',
  'EAI_NONAME',
]);

function codeOf(error: object): string | undefined {
  return 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function hostOf(error: object): string {
  return 'hostname' in error && typeof error.hostname === 'string' ? error.hostname : '';
}

function fromCode(code: string, error: object): NetFailure | undefined {
  const tls = TLS_REASONS[code];
  if (tls !== undefined) {
    return { kind: 'tls', reason: tls, code };
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return { kind: 'tls', reason: 'protocol', code };
  }
  if (DNS_CODES.has(code)) {
    return { kind: 'dns', host: hostOf(error), code };
  }
  switch (code) {
    case 'ECONNREFUSED':
      return { kind: 'refused', code };
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return { kind: 'reset', code };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
      return { kind: 'unreachable', code };
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { kind: 'timeout', phase: 'connect', code };
    case 'UND_ERR_HEADERS_TIMEOUT':
      return { kind: 'timeout', phase: 'headers', code };
    case 'UND_ERR_BODY_TIMEOUT':
      return { kind: 'timeout', phase: 'body', code };
    default:
      return undefined;
  }
}

/**
 * Turns whatever undici, fetch or node:net threw into a NetFailure, following
 * `cause` chains (fetch wraps everything in "fetch failed"). Unknown errors
 * become `other` with their code, never their message, which may quote URLs.
 */
export function classifyNetworkError(error: unknown): NetFailure {
  let current: unknown = error;
  let firstCode: string | undefined;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    if (current instanceof NetFailureError) {
      return current.failure;
    }
    // AbortSignal.timeout() aborts with a DOMException named TimeoutError.
    if ('name' in current && current.name === 'TimeoutError') {
      return { kind: 'timeout', phase: 'request', code: 'ETIMEDOUT' };
    }
    const code = codeOf(current);
    const failure = code === undefined ? undefined : fromCode(code, current);
    if (failure !== undefined) {
      return failure;
    }
    firstCode ??= code;
    current = 'cause' in current ? current.cause : undefined;
  }
  return { kind: 'other', code: firstCode ?? 'UNKNOWN' };
}
