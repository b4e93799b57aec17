import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DecryptError } from './errors.ts';
import type { Keyring } from './keyring.ts';
import { err, ok, type Result } from './result.ts';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * The associated data that binds a ciphertext to one field of one record, so a
 * ciphertext copied into another row or column fails to decrypt.
 */
export function credentialAad(recordId: string, field: string): string {
  return `${recordId}\0${field}`;
}

// The version and key id are authenticated too, so the header cannot be edited.
function fullAad(keyId: string, aad: string): Buffer {
  return Buffer.from(`${VERSION}:${keyId}\0${aad}`, 'utf8');
}

/** Encrypts with the keyring's current key: `v1:<keyId>:<iv>:<tag>:<ciphertext>`, base64url parts. */
export function encryptSecret(keyring: Keyring, plaintext: string, aad: string): string {
  const key = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.material, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(fullAad(key.id, aad));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
  return [VERSION, key.id, ...parts].join(':');
}

interface ParsedEnvelope {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

function parseEnvelope(envelope: string): ParsedEnvelope | undefined {
  const [version, keyId, iv, tag, ciphertext, ...rest] = envelope.split(':');
  if (version !== VERSION || keyId === undefined || keyId === '' || rest.length > 0) {
    return undefined;
  }
  if (iv === undefined || tag === undefined || ciphertext === undefined) {
    return undefined;
  }
  if (![keyId, iv, tag, ciphertext].every((part) => BASE64URL.test(part))) {
    return undefined;
  }
  const parsed = {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  };
  // Non-canonical base64url would decode to the same bytes; refuse it so every byte counts.
  const canonical =
    parsed.iv.toString('base64url') === iv &&
    parsed.tag.toString('base64url') === tag &&
    parsed.ciphertext.toString('base64url') === ciphertext;
  if (!canonical || parsed.iv.length !== IV_BYTES || parsed.tag.length !== TAG_BYTES) {
    return undefined;
  }
  return parsed;
}

/** The id of the key an envelope was encrypted with, or undefined if it is not an envelope. */
export function envelopeKeyId(envelope: string): string | undefined {
  return parseEnvelope(envelope)?.keyId;
}

/** Decrypts an envelope made by `encryptSecret` with the same associated data. */
export function decryptSecret(
  keyring: Keyring,
  envelope: string,
  aad: string,
): Result<string, DecryptError> {
  const parsed = parseEnvelope(envelope);
  if (parsed === undefined) {
    return err({ kind: 'malformed_envelope' });
  }
  const key = keyring.keys.get(parsed.keyId);
  if (key === undefined) {
    return err({ kind: 'unknown_key', keyId: parsed.keyId });
  }
  const decipher = createDecipheriv('aes-256-gcm', key.material, parsed.iv, {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(fullAad(key.id, aad));
  decipher.setAuthTag(parsed.tag);
  try {
    const plaintext = Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]);
    return ok(plaintext.toString('utf8'));
  } catch {
    // final() throws only when the tag does not verify: that is an expected failure here.
    return err({ kind: 'authentication_failed', keyId: key.id });
  }
}

/**
 * Re-encrypts an envelope under the current key (for key rotation). Envelopes
 * already under the current key are verified and returned unchanged, so a
 * rotation that stopped half-way can simply run again.
 */
export function reencryptSecret(
  keyring: Keyring,
  envelope: string,
  aad: string,
): Result<{ envelope: string; changed: boolean }, DecryptError> {
  const plaintext = decryptSecret(keyring, envelope, aad);
  if (!plaintext.ok) {
    return plaintext;
  }
  if (envelopeKeyId(envelope) === keyring.current.id) {
    return ok({ envelope, changed: false });
  }
  return ok({ envelope: encryptSecret(keyring, plaintext.value, aad), changed: true });
}
