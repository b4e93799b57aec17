import { join } from 'node:path';
import type { KeySource } from '../integrations/key-source.ts';
import { fixedKeySource } from '../integrations/key-source.ts';
import type { SecretKeyError } from '../secrets/index.ts';
import { KEY_FILE_NAME, loadKeyFile, loadOrCreateKeyFile } from '../secrets/index.ts';
import type { Config } from './config.ts';

/** The key file used when OWLHUB_SECRET_KEY is not set. */
export function keyFilePath(config: Config): string {
  return join(config.dataDir, KEY_FILE_NAME);
}

/**
 * The keys from OWLHUB_SECRET_KEY, or from the key file (created with mode 0600 on first start),
 * which is read again when a rotation elsewhere introduced a key this process does not hold.
 */
export async function loadKeySource(config: Config): Promise<KeySource> {
  if (config.keyring) return fixedKeySource(config.keyring);
  const path = keyFilePath(config);
  const loaded = await loadOrCreateKeyFile(path);
  if (!loaded.ok) throw new Error(describeKeyError(loaded.error));
  let keyring = loaded.value;
  return {
    current: () => keyring,
    reload: async () => {
      const again = await loadKeyFile(path);
      if (again.ok) keyring = again.value;
      return again.ok;
    },
  };
}

/** A sentence saying what is wrong with the key and how to fix it. */
export function describeKeyError(error: SecretKeyError): string {
  switch (error.kind) {
    case 'malformed_key':
      return `The secret key is not valid (${error.reason}).`;
    case 'duplicate_key':
      return `The secret key list names key ${error.keyId} twice.`;
    case 'key_file_insecure':
      return `The key file ${error.path} is readable by other users (mode ${error.mode.toString(8)}); run chmod 600 on it.`;
    case 'key_file_malformed':
      return `The key file ${error.path} is damaged (${error.reason}); restore it from a backup.`;
    case 'key_file_unavailable':
      return `The key file ${error.path} cannot be read or written (${error.code}); check OWLHUB_DATA_DIR's permissions.`;
    case 'rotation_in_progress':
      return `A key rotation is in progress (${error.path}.rotating exists); wait for it, or remove that file if none runs.`;
  }
}
