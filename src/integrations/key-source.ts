import type { Keyring } from '../secrets/index.ts';

/**
 * Where the credential keys come from. A key rotation run by `owlhub secrets rotate-key` in another
 * process re-encrypts rows under a new key, so a running server reloads when it meets a key it
 * does not hold instead of needing a restart.
 */
export interface KeySource {
  /** The keyring in use now. */
  current(): Keyring;
  /** Reads the keys again; true when a keyring was loaded. */
  reload(): Promise<boolean>;
}

/** A key source that never changes (OWLHUB_SECRET_KEY, tests). */
export function fixedKeySource(keyring: Keyring): KeySource {
  return { current: () => keyring, reload: () => Promise.resolve(false) };
}
