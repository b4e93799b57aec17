import type { Kysely } from 'kysely';
import type { Keyring } from '../secrets/index.ts';
import { envelopeKeyId, reencryptAll } from '../secrets/index.ts';
import { listIntegrationSecrets, replaceIntegrationSecret } from '../storage/integrations.ts';
import type { Database } from '../storage/schema.ts';
import { secretAad } from './credentials.ts';

/** What a re-encryption pass did, integration by integration. */
export interface ReencryptionReport {
  reencrypted: number;
  alreadyCurrent: number;
  /** Secrets that could not be decrypted with any key held; they keep their old envelope. */
  failed: { integrationId: string; reason: string }[];
}

/** Re-encrypts every stored secret under the keyring's current key; safe to run again. */
export async function reencryptAllSecrets(
  db: Kysely<Database>,
  keyring: Keyring,
): Promise<ReencryptionReport> {
  const rows = await listIntegrationSecrets(db);
  const previous = new Map(rows.map((row) => [row.id, row.secret_ciphertext]));
  const outcome = reencryptAll(
    keyring,
    rows.map((row) => ({ id: row.id, envelope: row.secret_ciphertext, aad: secretAad(row.id) })),
  );
  let reencrypted = 0;
  for (const { id, envelope } of outcome.changed) {
    // A token saved meanwhile was encrypted under the current key already: leave it.
    if (await replaceIntegrationSecret(db, id, previous.get(id) ?? '', envelope)) reencrypted += 1;
  }
  return {
    reencrypted,
    alreadyCurrent: rows.length - reencrypted - outcome.failed.length,
    failed: outcome.failed.map((f) => ({ integrationId: f.id, reason: f.error.kind })),
  };
}

/** Whether every stored secret is encrypted under the current key (old keys may then be retired). */
export async function allSecretsOnCurrentKey(
  db: Kysely<Database>,
  keyring: Keyring,
): Promise<boolean> {
  const rows = await listIntegrationSecrets(db);
  return rows.every((row) => envelopeKeyId(row.secret_ciphertext) === keyring.current.id);
}
