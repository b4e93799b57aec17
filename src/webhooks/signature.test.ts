import { describe, expect, it } from 'vitest';
import { signatureMatches, signBody } from './signature.ts';

const body = new TextEncoder().encode('{"webhookEvent":"jira:issue_updated"}');

describe('signatureMatches', () => {
  it('accepts the HMAC-SHA256 of the exact bytes, in either hex case', () => {
    const header = signBody(body, 's3cret');
    expect(signatureMatches(body, header, 's3cret')).toBe(true);
    expect(signatureMatches(body, header.toUpperCase().replace('SHA256', 'sha256'), 's3cret')).toBe(
      true,
    );
  });

  it('refuses another secret, other bytes, a missing, truncated or non-sha256 header', () => {
    const header = signBody(body, 's3cret');
    expect(signatureMatches(body, header, 'other')).toBe(false);
    expect(signatureMatches(new TextEncoder().encode('{ }'), header, 's3cret')).toBe(false);
    expect(signatureMatches(body, undefined, 's3cret')).toBe(false);
    expect(signatureMatches(body, header.slice(0, -2), 's3cret')).toBe(false);
    expect(signatureMatches(body, header.replace('sha256', 'sha1'), 's3cret')).toBe(false);
  });
});
