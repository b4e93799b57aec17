import { randomBytes } from 'node:crypto';
import type { KeySource } from '../integrations/key-source.ts';
import type { Keyring } from '../secrets/index.ts';
import { credentialAad, decryptSecret, encryptSecret } from '../secrets/index.ts';

/** The associated data binding a webhook secret to its integration (also for key rotation). */
export function webhookSecretAad(integrationId: string): string {
  return credentialAad(integrationId, 'webhook_secret');
}

/** A fresh signing secret for one webhook registration. */
export function generateWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Encrypts a webhook secret for storage. */
export function sealWebhookSecret(keyring: Keyring, integrationId: string, secret: string): string {
  return encryptSecret(keyring, secret, webhookSecretAad(integrationId));
}

/** Decrypts a stored webhook secret; null when no key held opens it. */
export async function openWebhookSecret(
  keys: KeySource,
  integrationId: string,
  envelope: string,
): Promise<string | null> {
  const aad = webhookSecretAad(integrationId);
  const first = decryptSecret(keys.current(), envelope, aad);
  if (first.ok) return first.value;
  if (first.error.kind !== 'unknown_key' || !(await keys.reload())) return null;
  const second = decryptSecret(keys.current(), envelope, aad);
  return second.ok ? second.value : null;
}
