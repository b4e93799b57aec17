import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStorage } from '../../test/support/storage.ts';
import { createKeyring, generateSecretKey } from '../secrets/index.ts';
import type { Keyring } from '../secrets/index.ts';
import type { Storage } from '../storage/connect.ts';
import { findIntegration } from '../storage/integrations.ts';
import { openCredentials } from './credentials.ts';
import { fixedKeySource } from './key-source.ts';
import { createIntegration } from './manage.ts';
import { allSecretsOnCurrentKey, reencryptAllSecrets } from './reencrypt.ts';

function keyring(...keys: ReturnType<typeof generateSecretKey>[]): Keyring {
  const [current, ...older] = keys;
  if (!current) throw new Error('no key');
  const result = createKeyring(current, older);
  if (!result.ok) throw new Error('bad keyring');
  return result.value;
}

describe.each(DIALECTS)('key rotation on %s', (dialect) => {
  let storage: Storage;
  beforeEach(async () => {
    storage = await createTestStorage(dialect);
  });
  afterEach(async () => {
    await storage.close();
  });

  it('re-encrypts every credential so that only the new key is needed', async () => {
    const oldKey = generateSecretKey();
    const newKey = generateSecretKey();
    const deps = {
      db: storage.db,
      keys: fixedKeySource(keyring(oldKey)),
      network: { allowPrivateNetworks: false, allowedHosts: [] },
      logger: { info: () => undefined } as never,
      now: () => new Date(),
    };
    const ids: string[] = [];
    for (const token of ['token-one-1234', 'token-two-5678']) {
      const row = await createIntegration(
        deps,
        {
          name: token,
          siteUrl: 'https://x.atlassian.net',
          allowInsecureHttp: false,
          credentials: { authType: 'cloud_token', email: 'a@b.example', token },
        },
        null,
      );
      ids.push(row.id);
    }
    const rotated = keyring(newKey, oldKey);
    expect(await allSecretsOnCurrentKey(storage.db, rotated)).toBe(false);
    expect(await reencryptAllSecrets(storage.db, rotated)).toEqual({
      reencrypted: 2,
      alreadyCurrent: 0,
      failed: [],
    });
    expect(await reencryptAllSecrets(storage.db, rotated)).toEqual({
      reencrypted: 0,
      alreadyCurrent: 2,
      failed: [],
    });
    expect(await allSecretsOnCurrentKey(storage.db, rotated)).toBe(true);

    const onlyNew = keyring(newKey);
    const tokens = await Promise.all(
      ids.map(async (id) => {
        const row = await findIntegration(storage.db, id);
        if (!row) throw new Error('missing');
        const opened = openCredentials(onlyNew, row);
        return opened.ok && opened.value.authType === 'cloud_token' ? opened.value.token : opened;
      }),
    );
    expect(tokens).toEqual(['token-one-1234', 'token-two-5678']);
  });
});
