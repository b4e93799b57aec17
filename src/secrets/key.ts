import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { SecretKeyError } from './errors.ts';
import { err, ok, type Result } from './result.ts';

/** AES-256 needs exactly 32 bytes of key material. */
export const SECRET_KEY_BYTES = 32;

/**
 * One AES-256 key and its id. The material is a KeyObject, so logging or
 * JSON-serialising a key never prints its bytes.
 */
export interface SecretKey {
  readonly id: string;
  readonly material: KeyObject;
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
// 32 bytes are 43 base64 characters plus one '=' of padding; base64url drops it.
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

/** Derives a short stable id from the key bytes, so env keys need no id of their own. */
export function deriveKeyId(bytes: Uint8Array): string {
  return createHash('sha256')
    .update('owlhub-secret-key-id\0')
    .update(bytes)
    .digest('base64url')
    .slice(0, 12);
}

/** Wraps raw key bytes; throws on a wrong length because callers validate first. */
export function secretKeyFromBytes(bytes: Uint8Array): SecretKey {
  if (bytes.length !== SECRET_KEY_BYTES) {
    throw new RangeError(`secret key must be ${SECRET_KEY_BYTES} bytes`);
  }
  return Object.freeze({ id: deriveKeyId(bytes), material: createSecretKey(bytes) });
}

/**
 * Parses one key written as 64 hex characters or as 32 bytes in base64/base64url
 * (what `generateSecretKeyText()` and `openssl rand -base64 32` print).
 */
export function parseSecretKey(text: string, index = 0): Result<SecretKey, SecretKeyError> {
  const trimmed = text.trim();
  if (HEX_KEY.test(trimmed)) {
    return ok(secretKeyFromBytes(Buffer.from(trimmed, 'hex')));
  }
  if (BASE64_KEY.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replaceAll('+', '-').replaceAll('/', '_'), 'base64url');
    if (bytes.length === SECRET_KEY_BYTES) {
      return ok(secretKeyFromBytes(bytes));
    }
  }
  return err({
    kind: 'malformed_key',
    index,
    reason: `expected 32 bytes as base64 (44 characters) or 64 hex characters, got ${trimmed.length} characters`,
  });
}

/** Creates a fresh random key. */
export function generateSecretKey(): SecretKey {
  return secretKeyFromBytes(randomBytes(SECRET_KEY_BYTES));
}

/** Prints a key as base64, the form `parseSecretKey` and the key file accept. */
export function formatSecretKey(key: SecretKey): string {
  return key.material.export().toString('base64');
}
