import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  credentialAad,
  decryptSecret,
  encryptSecret,
  envelopeKeyId,
  reencryptSecret,
} from './envelope.ts';
import { generateSecretKey } from './key.ts';
import { createKeyring, type Keyring } from './keyring.ts';

function keyringOf(...keys: ReturnType<typeof generateSecretKey>[]): Keyring {
  const [current, ...older] = keys;
  const ring = createKeyring(current!, older);
  if (!ring.ok) throw new Error('bad keyring');
  return ring.value;
}

const aad = credentialAad('int_1', 'token');

describe('encryptSecret / decryptSecret', () => {
  const ring = keyringOf(generateSecretKey());

  it('round-trips and uses a fresh IV each time', () => {
    const a = encryptSecret(ring, 'ATATT3xFfGF0-secret', aad);
    const b = encryptSecret(ring, 'ATATT3xFfGF0-secret', aad);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1:[\w-]+:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(a).not.toContain('secret');
    expect(decryptSecret(ring, a, aad)).toEqual({ ok: true, value: 'ATATT3xFfGF0-secret' });
  });

  it('round-trips any string with any associated data', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (plaintext, data) => {
        const envelope = encryptSecret(ring, plaintext, data);
        expect(decryptSecret(ring, envelope, data)).toEqual({ ok: true, value: plaintext });
      }),
    );
  });

  it('detects any flipped byte of IV, tag or ciphertext', () => {
    const envelope = encryptSecret(ring, 'token-value-1234', aad);
    const [version, keyId, ...parts] = envelope.split(':');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (part, position, mask) => {
          const bytes = Buffer.from(parts[part]!, 'base64url');
          const index = position % bytes.length;
          bytes[index] = bytes[index]! ^ mask;
          const tampered = [...parts];
          tampered[part] = bytes.toString('base64url');
          const result = decryptSecret(ring, [version, keyId, ...tampered].join(':'), aad);
          expect(result.ok).toBe(false);
        },
      ),
    );
  });

  it('never throws on arbitrary input, whatever its shape', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(fc.base64String(), { maxLength: 6 }).map((parts) => ['v1', ...parts].join(':')),
        ),
        (input) => {
          expect(decryptSecret(ring, input, aad).ok).toBe(false);
        },
      ),
    );
  });

  it('fails with other associated data, so ciphertexts cannot move between records', () => {
    const envelope = encryptSecret(ring, 'token', aad);
    expect(decryptSecret(ring, envelope, credentialAad('int_2', 'token'))).toEqual({
      ok: false,
      error: { kind: 'authentication_failed', keyId: ring.current.id },
    });
    expect(decryptSecret(ring, envelope, credentialAad('int_1', 'password')).ok).toBe(false);
  });

  it('reports malformed envelopes and unknown keys', () => {
    const envelope = encryptSecret(ring, 'token', aad);
    for (const bad of ['', 'plain', 'v2' + envelope.slice(2), `${envelope}:x`, envelope + '!']) {
      expect(decryptSecret(ring, bad, aad)).toEqual({
        ok: false,
        error: { kind: 'malformed_envelope' },
      });
    }
    const other = keyringOf(generateSecretKey());
    expect(decryptSecret(other, envelope, aad)).toEqual({
      ok: false,
      error: { kind: 'unknown_key', keyId: ring.current.id },
    });
  });

  it('never prints key bytes when a keyring is logged', () => {
    const key = generateSecretKey();
    const raw = key.material.export();
    const printed = JSON.stringify(keyringOf(key)) + JSON.stringify(key);
    expect(printed).not.toContain(raw.toString('base64'));
    expect(printed).not.toContain(raw.toString('hex'));
  });
});

describe('reencryptSecret', () => {
  it('moves old values to the current key and keeps current ones', () => {
    const oldKey = generateSecretKey();
    const before = keyringOf(oldKey);
    const envelope = encryptSecret(before, 'pat-9876', aad);
    const after = keyringOf(generateSecretKey(), oldKey);

    expect(decryptSecret(after, envelope, aad)).toEqual({ ok: true, value: 'pat-9876' });
    const moved = reencryptSecret(after, envelope, aad);
    if (!moved.ok) throw new Error('re-encryption failed');
    expect(moved.value.changed).toBe(true);
    expect(envelopeKeyId(moved.value.envelope)).toBe(after.current.id);
    expect(decryptSecret(after, moved.value.envelope, aad)).toEqual({
      ok: true,
      value: 'pat-9876',
    });
    expect(reencryptSecret(after, moved.value.envelope, aad)).toEqual({
      ok: true,
      value: { envelope: moved.value.envelope, changed: false },
    });
  });

  it('refuses to re-encrypt a value it cannot authenticate', () => {
    const ring = keyringOf(generateSecretKey());
    const envelope = encryptSecret(ring, 'x', aad);
    expect(reencryptSecret(ring, envelope, 'other').ok).toBe(false);
  });
});
