/** Why a secret key (from the environment or the key file) cannot be used. */
export type SecretKeyError =
  /** The text is not 32 bytes as base64/base64url or 64 hex characters; `index` is its position in a list. */
  | { kind: 'malformed_key'; index: number; reason: string }
  /** Two entries of a key list are the same key. */
  | { kind: 'duplicate_key'; keyId: string }
  /** The key file is readable or writable by group/others; we refuse rather than warn. */
  | { kind: 'key_file_insecure'; path: string; mode: number }
  /** The key file exists but is not the JSON we write. */
  | { kind: 'key_file_malformed'; path: string; reason: string }
  /** The key file (or its folder) cannot be read or written; `code` is the errno code. */
  | { kind: 'key_file_unavailable'; path: string; code: string }
  /** Another rotation holds the lock file next to the key file. */
  | { kind: 'rotation_in_progress'; path: string };

/** Why an envelope cannot be decrypted. */
export type DecryptError =
  /** Not a `v1:` envelope with five well-formed parts. */
  | { kind: 'malformed_envelope' }
  /** Encrypted with a key the keyring does not hold (retired or from another installation). */
  | { kind: 'unknown_key'; keyId: string }
  /** Tampered ciphertext, wrong associated data, or wrong key: GCM rejects it. */
  | { kind: 'authentication_failed'; keyId: string };
