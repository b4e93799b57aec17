import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SecretKeyError } from './errors.ts';
import { formatSecretKey, generateSecretKey, parseSecretKey, type SecretKey } from './key.ts';
import { createKeyring, type Keyring } from './keyring.ts';
import { err, ok, type Result } from './result.ts';

/** The key file's name inside the data directory. */
export const KEY_FILE_NAME = 'secret-key.json';

// Newest key first: it encrypts; the others only decrypt until re-encryption retires them.
const KeyFileSchema = z.object({
  version: z.literal(1),
  keys: z.array(z.object({ id: z.string(), key: z.string(), createdAt: z.string() })).min(1),
});

type KeyFileEntry = z.infer<typeof KeyFileSchema>['keys'][number];

function errnoCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  throw error;
}

function entryFor(key: SecretKey): KeyFileEntry {
  return { id: key.id, key: formatSecretKey(key), createdAt: new Date().toISOString() };
}

// 'wx' fails if the file exists, so two processes never both create the same file.
async function createExclusive(path: string): Promise<FileHandle> {
  const handle = await open(path, 'wx', 0o600);
  await handle.chmod(0o600); // the umask could only narrow the mode, but be explicit
  return handle;
}

async function writeEntries(handle: FileHandle, entries: KeyFileEntry[]): Promise<void> {
  await handle.truncate(0);
  await handle.write(`${JSON.stringify({ version: 1, keys: entries }, null, 2)}\n`, 0);
  await handle.sync();
}

async function writeNewFile(path: string, entries: KeyFileEntry[]): Promise<void> {
  const handle = await createExclusive(path);
  try {
    await writeEntries(handle, entries);
  } finally {
    await handle.close();
  }
}

async function readEntries(path: string): Promise<Result<KeyFileEntry[], SecretKeyError>> {
  let text: string;
  try {
    const handle = await open(path, 'r');
    try {
      const { mode } = await handle.stat();
      // Refuse, not warn: a key others can read protects nothing, and a warning is easy to miss.
      if ((mode & 0o077) !== 0) {
        return err({ kind: 'key_file_insecure', path, mode: mode & 0o777 });
      }
      text = await readFile(handle, 'utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    return err({ kind: 'key_file_unavailable', path, code: errnoCode(error) });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err({ kind: 'key_file_malformed', path, reason: 'not JSON' });
  }
  const parsed = KeyFileSchema.safeParse(json);
  if (!parsed.success) {
    return err({ kind: 'key_file_malformed', path, reason: z.prettifyError(parsed.error) });
  }
  return ok(parsed.data.keys);
}

function keyringFromEntries(
  path: string,
  entries: KeyFileEntry[],
): Result<Keyring, SecretKeyError> {
  const keys: SecretKey[] = [];
  for (const [index, entry] of entries.entries()) {
    const key = parseSecretKey(entry.key, index);
    if (!key.ok) {
      return key;
    }
    if (key.value.id !== entry.id) {
      return err({
        kind: 'key_file_malformed',
        path,
        reason: `key ${index} does not match its id`,
      });
    }
    keys.push(key.value);
  }
  const [current, ...older] = keys;
  if (current === undefined) {
    return err({ kind: 'key_file_malformed', path, reason: 'no keys' });
  }
  return createKeyring(current, older);
}

/** Reads the key file; fails if it is missing, malformed or readable by group/others. */
export async function loadKeyFile(path: string): Promise<Result<Keyring, SecretKeyError>> {
  const entries = await readEntries(path);
  return entries.ok ? keyringFromEntries(path, entries.value) : entries;
}

/** Reads the key file, creating it (mode 0600, folder 0700) with a fresh key on first use. */
export async function loadOrCreateKeyFile(path: string): Promise<Result<Keyring, SecretKeyError>> {
  // Written in full under a unique name, then linked into place: link() fails if the key file
  // exists, so a concurrent start never reads a half-written file nor replaces another's key.
  const draft = `${path}.${randomUUID()}.new`;
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeNewFile(draft, [entryFor(generateSecretKey())]);
    await link(draft, path);
  } catch (error) {
    const code = errnoCode(error);
    if (code !== 'EEXIST') {
      return err({ kind: 'key_file_unavailable', path, code });
    }
  } finally {
    await rm(draft, { force: true });
  }
  return loadKeyFile(path);
}

async function replaceEntries(
  path: string,
  change: (entries: KeyFileEntry[]) => KeyFileEntry[],
): Promise<Result<Keyring, SecretKeyError>> {
  // The new file doubles as a lock: two concurrent rotations would lose a key.
  const next = `${path}.rotating`;
  let handle: FileHandle;
  try {
    handle = await createExclusive(next);
  } catch (error) {
    const code = errnoCode(error);
    return err(
      code === 'EEXIST'
        ? { kind: 'rotation_in_progress', path }
        : { kind: 'key_file_unavailable', path, code },
    );
  }
  let renamed = false;
  try {
    const entries = await readEntries(path);
    if (!entries.ok) {
      return entries;
    }
    const changed = change(entries.value);
    const keyring = keyringFromEntries(path, changed);
    if (!keyring.ok) {
      return keyring;
    }
    await writeEntries(handle, changed);
    // rename is atomic: readers see the old file or the new one, never half of it.
    await rename(next, path);
    renamed = true;
    return keyring;
  } catch (error) {
    return err({ kind: 'key_file_unavailable', path, code: errnoCode(error) });
  } finally {
    await handle.close();
    if (!renamed) {
      await rm(next, { force: true });
    }
  }
}

/**
 * Adds a fresh key to the key file and makes it current; older keys stay so
 * existing values decrypt until `reencryptSecret` has been run over every row.
 */
export async function rotateKeyFile(path: string): Promise<Result<Keyring, SecretKeyError>> {
  return replaceEntries(path, (entries) => [entryFor(generateSecretKey()), ...entries]);
}

/** Drops every key but the current one; call only after all rows were re-encrypted. */
export async function retireOldKeys(path: string): Promise<Result<Keyring, SecretKeyError>> {
  return replaceEntries(path, (entries) => entries.slice(0, 1));
}
