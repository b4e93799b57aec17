import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, reencryptSecret } from './envelope.ts';
import {
  KEY_FILE_NAME,
  loadKeyFile,
  loadOrCreateKeyFile,
  retireOldKeys,
  rotateKeyFile,
} from './key-file.ts';
import type { Keyring } from './keyring.ts';

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'owlhub-secrets-'));
  path = join(dir, 'data', KEY_FILE_NAME);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function must(result: Promise<{ ok: true; value: Keyring } | { ok: false; error: unknown }>) {
  const r = await result;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('key file', () => {
  it('is created on first use with mode 0600 and reused afterwards', async () => {
    const first = await must(loadOrCreateKeyFile(path));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'data'))).mode & 0o777).toBe(0o700);
    const second = await must(loadOrCreateKeyFile(path));
    expect(second.current.id).toBe(first.current.id);
  });

  it('creates one key even when many callers race, leaving no drafts behind', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateKeyFile(path)));
    const ids = results.map((result) => (result.ok ? result.value.current.id : result.error.kind));
    expect(new Set(ids).size).toBe(1);
    expect(await readdir(join(dir, 'data'))).toEqual([KEY_FILE_NAME]);
  });

  it('refuses a key file readable by group or others', async () => {
    await must(loadOrCreateKeyFile(path));
    await chmod(path, 0o640);
    expect(await loadKeyFile(path)).toEqual({
      ok: false,
      error: { kind: 'key_file_insecure', path, mode: 0o640 },
    });
  });

  it('reports a missing or malformed file', async () => {
    expect(await loadKeyFile(path)).toMatchObject({
      ok: false,
      error: { kind: 'key_file_unavailable', code: 'ENOENT' },
    });
    await must(loadOrCreateKeyFile(path));
    await writeFile(path, '{"version":1,"keys":[]}');
    expect(await loadKeyFile(path)).toMatchObject({
      ok: false,
      error: { kind: 'key_file_malformed' },
    });
  });

  it('rotates: new values use the new key, old values still decrypt, then retire', async () => {
    const before = await must(loadOrCreateKeyFile(path));
    const old = encryptSecret(before, 'old-token', 'row');

    const after = await must(rotateKeyFile(path));
    expect(after.current.id).not.toBe(before.current.id);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await must(loadKeyFile(path))).current.id).toBe(after.current.id);
    expect(decryptSecret(after, old, 'row')).toEqual({ ok: true, value: 'old-token' });

    const moved = reencryptSecret(after, old, 'row');
    if (!moved.ok) throw new Error('re-encrypt');
    const retired = await must(retireOldKeys(path));
    expect([...retired.keys.keys()]).toEqual([after.current.id]);
    expect(decryptSecret(retired, moved.value.envelope, 'row')).toEqual({
      ok: true,
      value: 'old-token',
    });
    expect(decryptSecret(retired, old, 'row')).toMatchObject({
      ok: false,
      error: { kind: 'unknown_key' },
    });
  });

  it('refuses a second rotation while one is in progress', async () => {
    await must(loadOrCreateKeyFile(path));
    await writeFile(`${path}.rotating`, '', { mode: 0o600 });
    expect(await rotateKeyFile(path)).toEqual({
      ok: false,
      error: { kind: 'rotation_in_progress', path },
    });
    expect((await must(loadKeyFile(path))).keys.size).toBe(1);
  });
});
