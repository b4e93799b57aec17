import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER = /^sha256=([0-9a-f]{64})$/i;

/** The `X-Hub-Signature` value Jira sends for `body` signed with `secret`. */
export function signBody(body: Uint8Array | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Whether `header` is `sha256=<hex>` of the HMAC-SHA256 of exactly these bytes under `secret`.
 * Compared in constant time, so a forger learns nothing from how long a refusal takes.
 */
export function signatureMatches(
  body: Uint8Array,
  header: string | undefined,
  secret: string,
): boolean {
  const hex = HEADER.exec(header?.trim() ?? '')?.[1];
  if (hex === undefined) return false;
  const given = Buffer.from(hex, 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
