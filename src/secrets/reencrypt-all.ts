import { reencryptSecret } from './envelope.ts';
import type { DecryptError } from './errors.ts';
import type { Keyring } from './keyring.ts';

/** One stored secret to move to the current key: its row id, envelope and associated data. */
export interface StoredSecret {
  id: string;
  envelope: string;
  aad: string;
}

/** What a re-encryption pass did to each secret; nothing is skipped silently. */
export interface ReencryptionOutcome {
  /** Re-encrypted under the current key: write these back. */
  changed: Array<{ id: string; envelope: string }>;
  /** Already under the current key. */
  unchanged: string[];
  /** Could not be decrypted with any key of the keyring: left as they are. */
  failed: Array<{ id: string; error: DecryptError }>;
}

/**
 * Re-encrypts a batch of stored secrets under the keyring's current key (the
 * core of `owlhub secrets rotate-key`). Pure: the caller reads the rows, writes
 * back `changed`, and retires old keys only when `failed` is empty.
 */
export function reencryptAll(
  keyring: Keyring,
  secrets: Iterable<StoredSecret>,
): ReencryptionOutcome {
  const outcome: ReencryptionOutcome = { changed: [], unchanged: [], failed: [] };
  for (const secret of secrets) {
    const result = reencryptSecret(keyring, secret.envelope, secret.aad);
    if (!result.ok) {
      outcome.failed.push({ id: secret.id, error: result.error });
    } else if (result.value.changed) {
      outcome.changed.push({ id: secret.id, envelope: result.value.envelope });
    } else {
      outcome.unchanged.push(secret.id);
    }
  }
  return outcome;
}
