import type { Kysely } from 'kysely';
import type { Keyring } from '../secrets/index.ts';
import { envelopeKeyId, reencryptSecret } from '../secrets/index.ts';
import { listIntegrationSecrets, replaceIntegrationSecret } from '../storage/integrations.ts';
import type { Database } from '../storage/schema.ts';
import { secretAad } from './credentials.ts';

/** What a re-encryption pass did, integration by integration. */
export interface ReencryptionOutcome {
  reencrypted: number;
  alreadyCurrent: number;
  /** Secrets that could not be decrypted with any key held; they keep their old envelope. */
  failed: { integrationId: string; reason: string }[];
}

/** Re-encrypts every stored secret under the keyring's current key; safe to run again. */
export async function reencryptAllSecrets(
  db: Kysely<Database>,
  keyring: Keyring,
): Promise<ReencryptionOutcome> {
  const outcome: ReencryptionOutcome = { reencrypted: 0, alreadyCurrent: 0, failed: [] };
  for (const row of await listIntegrationSecrets(db)) {
    const result = reencryptSecret(keyring, row.secret_ciphertext, secretAad(row.id));
    if (!result.ok) {
      outcome.failed.push({ integrationId: row.id, reason: result.error.kind });
    } else if (!result.value.changed) {
      outcome.alreadyCurrent += 1;
    } else if (
      await replaceIntegrationSecret(db, row.id, row.secret_ciphertext, result.value.envelope)
    ) {
      outcome.reencrypted += 1;
    } else {
      // Changed meanwhile (a new token was saved): whatever is there now was encrypted just now.
      outcome.alreadyCurrent += 1;
    }
  }
  return outcome;
}

/** Whether every stored secret is encrypted under the current key (old keys may then be retired). */
export async function allSecretsOnCurrentKey(
  db: Kysely<Database>,
  keyring: Keyring,
): Promise<boolean> {
  const rows = await listIntegrationSecrets(db);
  return rows.every((row) => envelopeKeyId(row.secret_ciphertext) === keyring.current.id);
}
