import type { DecryptError, Keyring } from '../secrets/index.ts';
import { credentialAad, decryptSecret, encryptSecret, tokenHint } from '../secrets/index.ts';
import type { IntegrationRow } from '../storage/schema.ts';
import type { JiraCredentials } from './input.ts';
import type { KeySource } from './key-source.ts';

/** The columns that hold an integration's credentials. */
export type CredentialColumns = Pick<
  IntegrationRow,
  'auth_type' | 'email' | 'username' | 'secret_ciphertext' | 'token_hint'
>;

/** The associated data binding a ciphertext to this integration's secret column (also for key rotation). */
export function secretAad(integrationId: string): string {
  return credentialAad(integrationId, 'secret');
}

/** Encrypts the token or password of `credentials` for integration `integrationId`. */
export function sealCredentials(
  keyring: Keyring,
  integrationId: string,
  credentials: JiraCredentials,
): CredentialColumns {
  const secret =
    credentials.authType === 'basic_password' ? credentials.password : credentials.token;
  return {
    auth_type: credentials.authType,
    email: credentials.authType === 'cloud_token' ? credentials.email : null,
    username: credentials.authType === 'basic_password' ? credentials.username : null,
    secret_ciphertext: encryptSecret(keyring, secret, secretAad(integrationId)),
    // A password gets no hint: even four characters of it help a guesser.
    token_hint: credentials.authType === 'basic_password' ? null : (tokenHint(secret) ?? null),
  };
}

/** Why stored credentials cannot be used. */
export type OpenCredentialsError =
  { kind: 'cleared' } | { kind: 'undecryptable'; cause: DecryptError };

/** Decrypts the credentials of a stored integration. */
export function openCredentials(
  keyring: Keyring,
  row: IntegrationRow,
): { ok: true; value: JiraCredentials } | { ok: false; error: OpenCredentialsError } {
  if (row.secret_ciphertext === null) return { ok: false, error: { kind: 'cleared' } };
  const secret = decryptSecret(keyring, row.secret_ciphertext, secretAad(row.id));
  if (!secret.ok) return { ok: false, error: { kind: 'undecryptable', cause: secret.error } };
  switch (row.auth_type) {
    case 'cloud_token':
      return {
        ok: true,
        value: { authType: 'cloud_token', email: row.email ?? '', token: secret.value },
      };
    case 'personal_access_token':
      return { ok: true, value: { authType: 'personal_access_token', token: secret.value } };
    case 'basic_password':
      return {
        ok: true,
        value: { authType: 'basic_password', username: row.username ?? '', password: secret.value },
      };
  }
}

/** Like openCredentials, but reloads the keys once when the row was encrypted with a key not held yet. */
export async function openFreshCredentials(
  keys: KeySource,
  row: IntegrationRow,
): Promise<ReturnType<typeof openCredentials>> {
  const first = openCredentials(keys.current(), row);
  if (first.ok || first.error.kind !== 'undecryptable' || first.error.cause.kind !== 'unknown_key')
    return first;
  return (await keys.reload()) ? openCredentials(keys.current(), row) : first;
}
