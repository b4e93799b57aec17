import { lookup } from 'node:dns/promises';
import type { NetFailure } from './failure.ts';
import { parseIp, unbracket } from './ip.ts';
import type { Result } from './result.ts';

/** Resolves a host name to every address it has (injectable so tests can fake DNS). */
export type LookupAll = (hostname: string) => Promise<string[]>;

/** The system resolver (getaddrinfo, so /etc/hosts counts), all addresses in resolver order. */
export const systemLookup: LookupAll = async (hostname) => {
  const records = await lookup(hostname, { all: true, order: 'verbatim' });
  return records.map((record) => record.address);
};

function errorCode(error: unknown): string {
  return typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string'
    ? error.code
    : 'EAI_FAIL';
}

/**
 * Resolves a host to its addresses. IP literals skip DNS; `.invalid` names
 * fail at once as RFC 6761 asks, without a query. Bounded by `timeoutMs`
 * because getaddrinfo has no timeout of its own.
 */
export async function resolveHost(
  host: string,
  lookupAll: LookupAll,
  timeoutMs: number,
): Promise<Result<string[], NetFailure>> {
  const name = unbracket(host);
  const literal = parseIp(name);
  if (literal !== undefined) {
    return { ok: true, value: [literal.address] };
  }
  if (/(^|\.)invalid\.?$/i.test(name)) {
    return { ok: false, error: { kind: 'dns', host: name, code: 'ENOTFOUND' } };
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      resolve('timeout');
    }, timeoutMs);
  });
  try {
    const addresses = await Promise.race([lookupAll(name), timeout]);
    if (addresses === 'timeout') {
      return { ok: false, error: { kind: 'timeout', phase: 'dns', code: 'EDNSTIMEOUT' } };
    }
    if (addresses.length === 0) {
      return { ok: false, error: { kind: 'dns', host: name, code: 'ENODATA' } };
    }
    return { ok: true, value: addresses };
  } catch (error) {
    return { ok: false, error: { kind: 'dns', host: name, code: errorCode(error) } };
  } finally {
    clearTimeout(timer);
  }
}
