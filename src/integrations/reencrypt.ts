import type { Kysely } from 'kysely';
import type { Keyring } from '../secrets/index.ts';
import { envelopeKeyId, reencryptAll } from '../secrets/index.ts';
import { listIntegrationSecrets, replaceIntegrationSecret } from '../storage/integrations.ts';
import type { Database } from '../storage/schema.ts';
import { ruleSecretAad } from '../automation/rules.ts';
import { listRuleSecrets, replaceRuleSecret } from '../storage/automation.ts';
import { listWebhookSecrets, replaceWebhookSecret } from '../storage/webhooks.ts';
import { webhookSecretAad } from '../webhooks/secret.ts';
import { secretAad } from './credentials.ts';

/** What a re-encryption pass did, integration by integration. */
export interface ReencryptionReport {
  reencrypted: number;
  alreadyCurrent: number;
  /** Secrets that could not be decrypted with any key held; they keep their old envelope. */
  failed: { integrationId: string; reason: string }[];
}

/** One stored secret wherever it lives: its owning integration, envelope, associated data, and how to write it back. */
interface SecretSlot {
  integrationId: string;
  envelope: string;
  aad: string;
  /** Writes the new envelope unless the stored one changed meanwhile; true when written. */
  replace: (next: string) => Promise<boolean>;
}

/** Integration credentials, webhook secrets and automation rule secrets. */
async function listSecretSlots(db: Kysely<Database>): Promise<SecretSlot[]> {
  const [credentials, webhooks, rules] = await Promise.all([
    listIntegrationSecrets(db),
    listWebhookSecrets(db),
    listRuleSecrets(db),
  ]);
  return [
    ...credentials.map((row) => ({
      integrationId: row.id,
      envelope: row.secret_ciphertext,
      aad: secretAad(row.id),
      replace: (next: string) => replaceIntegrationSecret(db, row.id, row.secret_ciphertext, next),
    })),
    ...webhooks.map((row) => ({
      integrationId: row.id,
      envelope: row.secret_ciphertext,
      aad: webhookSecretAad(row.id),
      replace: (next: string) => replaceWebhookSecret(db, row.id, row.secret_ciphertext, next),
    })),
    ...rules.map((row) => ({
      integrationId: row.integration_id,
      envelope: row.secret_ciphertext,
      aad: ruleSecretAad(row.id),
      replace: (next: string) => replaceRuleSecret(db, row.id, row.secret_ciphertext, next),
    })),
  ];
}

/** Re-encrypts every stored secret under the keyring's current key; safe to run again. */
export async function reencryptAllSecrets(
  db: Kysely<Database>,
  keyring: Keyring,
): Promise<ReencryptionReport> {
  const slots = await listSecretSlots(db);
  const outcome = reencryptAll(
    keyring,
    slots.map((slot, index) => ({ id: String(index), envelope: slot.envelope, aad: slot.aad })),
  );
  let reencrypted = 0;
  for (const { id, envelope } of outcome.changed) {
    // A secret saved meanwhile was encrypted under the current key already: leave it.
    if (await slots[Number(id)]?.replace(envelope)) reencrypted += 1;
  }
  return {
    reencrypted,
    alreadyCurrent: slots.length - reencrypted - outcome.failed.length,
    failed: outcome.failed.map((f) => ({
      integrationId: slots[Number(f.id)]?.integrationId ?? '',
      reason: f.error.kind,
    })),
  };
}

/** Whether every stored secret is encrypted under the current key (old keys may then be retired). */
export async function allSecretsOnCurrentKey(
  db: Kysely<Database>,
  keyring: Keyring,
): Promise<boolean> {
  const slots = await listSecretSlots(db);
  return slots.every((slot) => envelopeKeyId(slot.envelope) === keyring.current.id);
}
