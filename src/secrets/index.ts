/** Authenticated encryption of credentials at rest (PRODUCT.md §3). */
export type { DecryptError, SecretKeyError } from './errors.ts';
export type { Result } from './result.ts';
export {
  deriveKeyId,
  formatSecretKey,
  generateSecretKey,
  parseSecretKey,
  SECRET_KEY_BYTES,
  type SecretKey,
} from './key.ts';
export { createKeyring, keyringFromEnv, type Keyring } from './keyring.ts';
export {
  KEY_FILE_NAME,
  loadKeyFile,
  loadOrCreateKeyFile,
  retireOldKeys,
  rotateKeyFile,
} from './key-file.ts';
export {
  credentialAad,
  decryptSecret,
  encryptSecret,
  envelopeKeyId,
  reencryptSecret,
} from './envelope.ts';
export { reencryptAll, type ReencryptionOutcome, type StoredSecret } from './reencrypt-all.ts';
export { MIN_HINTED_TOKEN_LENGTH, tokenHint } from './token-hint.ts';
