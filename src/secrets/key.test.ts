import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatSecretKey, generateSecretKey, parseSecretKey } from './key.ts';
import { keyringFromEnv } from './keyring.ts';
import { tokenHint } from './token-hint.ts';

describe('parseSecretKey', () => {
  const bytes = randomBytes(32);

  it('accepts 32 bytes as hex, base64 and base64url with the same id', () => {
    const forms = [
      bytes.toString('hex'),
      bytes.toString('hex').toUpperCase(),
      bytes.toString('base64'),
      bytes.toString('base64url'),
      `  ${bytes.toString('base64')}\n`,
    ];
    const ids = forms.map((form) => {
      const key = parseSecretKey(form);
      if (!key.ok) throw new Error(form);
      return key.value.id;
    });
    expect(new Set(ids).size).toBe(1);
  });

  it('rejects anything else with a typed error', () => {
    for (const bad of [
      '',
      'secret',
      randomBytes(16).toString('base64'),
      randomBytes(33).toString('hex'),
      'g'.repeat(64),
    ]) {
      const key = parseSecretKey(bad);
      expect(key.ok).toBe(false);
      if (!key.ok) expect(key.error.kind).toBe('malformed_key');
    }
  });

  it('round-trips through formatSecretKey', () => {
    const key = generateSecretKey();
    const again = parseSecretKey(formatSecretKey(key));
    expect(again.ok && again.value.id).toBe(key.id);
  });
});

describe('keyringFromEnv', () => {
  it('takes NEW,OLD: the first encrypts, all decrypt', () => {
    const [a, b] = [generateSecretKey(), generateSecretKey()];
    const ring = keyringFromEnv(`${formatSecretKey(a)},${formatSecretKey(b)}`);
    if (!ring.ok) throw new Error('bad env');
    expect(ring.value.current.id).toBe(a.id);
    expect([...ring.value.keys.keys()]).toEqual([a.id, b.id]);
  });

  it('names the malformed entry and refuses duplicates', () => {
    const a = formatSecretKey(generateSecretKey());
    expect(keyringFromEnv(`${a},nope`)).toMatchObject({
      ok: false,
      error: { kind: 'malformed_key', index: 1 },
    });
    expect(keyringFromEnv(`${a},${a}`)).toMatchObject({
      ok: false,
      error: { kind: 'duplicate_key' },
    });
  });
});

describe('tokenHint', () => {
  it('shows only the last 4 characters of tokens of 8 or more', () => {
    expect(tokenHint('ATATT3xFfGF0abcd')).toBe('abcd');
    expect(tokenHint('12345678')).toBe('5678');
    expect(tokenHint('1234567')).toBeUndefined();
    expect(tokenHint('')).toBeUndefined();
  });
});
