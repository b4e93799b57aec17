import type { SecretKeyError } from './errors.ts';
import { parseSecretKey, type SecretKey } from './key.ts';
import { err, ok, type Result } from './result.ts';

/** The key new values are encrypted with, plus every key still accepted for decryption. */
export interface Keyring {
  readonly current: SecretKey;
  readonly keys: ReadonlyMap<string, SecretKey>;
}

/** Builds a keyring whose first key is current; later keys only decrypt. */
export function createKeyring(
  current: SecretKey,
  older: readonly SecretKey[] = [],
): Result<Keyring, SecretKeyError> {
  const keys = new Map<string, SecretKey>();
  for (const key of [current, ...older]) {
    if (keys.has(key.id)) {
      return err({ kind: 'duplicate_key', keyId: key.id });
    }
    keys.set(key.id, key);
  }
  return ok(Object.freeze({ current, keys }));
}

/**
 * Parses the `OWLHUB_SECRET_KEY` value: one key, or a comma-separated list
 * `NEW,OLD,...` during a rotation (the first encrypts, all decrypt). Each key
 * is 32 bytes as base64/base64url or 64 hex characters.
 */
export function keyringFromEnv(value: string): Result<Keyring, SecretKeyError> {
  const parsed: SecretKey[] = [];
  for (const [index, part] of value.split(',').entries()) {
    const key = parseSecretKey(part, index);
    if (!key.ok) {
      return key;
    }
    parsed.push(key.value);
  }
  const [current, ...older] = parsed;
  if (current === undefined) {
    return err({ kind: 'malformed_key', index: 0, reason: 'no key given' });
  }
  return createKeyring(current, older);
}
