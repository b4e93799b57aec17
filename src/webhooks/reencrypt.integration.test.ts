import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStorage } from '../../test/support/storage.ts';
import { createRule, openRuleSecret } from '../automation/rules.ts';
import type { IntegrationCoreDeps } from '../integrations/deps.ts';
import { fixedKeySource } from '../integrations/key-source.ts';
import { createIntegration } from '../integrations/manage.ts';
import { allSecretsOnCurrentKey, reencryptAllSecrets } from '../integrations/reencrypt.ts';
import { createLogger } from '../server/logger.ts';
import { createKeyring, generateSecretKey, type Keyring } from '../secrets/index.ts';
import { findRule } from '../storage/automation.ts';
import type { Storage } from '../storage/connect.ts';
import { findWebhookRow, saveWebhookRow } from '../storage/webhooks.ts';
import { openWebhookSecret, sealWebhookSecret } from './secret.ts';

function keyring(...keys: ReturnType<typeof generateSecretKey>[]): Keyring {
  const [current, ...older] = keys;
  if (current === undefined) throw new Error('no key');
  const result = createKeyring(current, older);
  if (!result.ok) throw new Error('bad keyring');
  return result.value;
}

describe.each(DIALECTS)('key rotation of webhook and rule secrets on %s', (dialect) => {
  let storage: Storage;
  beforeEach(async () => {
    storage = await createTestStorage(dialect);
  });
  afterEach(() => storage.close());

  it('re-encrypts them with the credentials, so that only the new key is needed', async () => {
    const oldKey = generateSecretKey();
    const newKey = generateSecretKey();
    const deps: IntegrationCoreDeps = {
      db: storage.db,
      keys: fixedKeySource(keyring(oldKey)),
      network: { allowPrivateNetworks: false, allowedHosts: [] },
      logger: createLogger('silent'),
      now: () => new Date(),
    };
    const integration = await createIntegration(
      deps,
      {
        name: 'Jira',
        siteUrl: 'https://x.atlassian.net',
        allowInsecureHttp: false,
        credentials: { authType: 'cloud_token', email: 'a@b.example', token: 'token-1234' },
      },
      null,
    );
    await saveWebhookRow(storage.db, integration.id, {
      secret_ciphertext: sealWebhookSecret(keyring(oldKey), integration.id, 'hook-secret'),
      updated_at: new Date().toISOString(),
    });
    const { rule, signingSecret } = await createRule(deps, { type: 'system' }, integration.id, {
      name: 'r',
      enabled: true,
      trigger: { type: 'api' },
      actions: [{ type: 'post_event', url: 'https://example.com/in' }],
    });

    const rotated = keyring(newKey, oldKey);
    expect(await reencryptAllSecrets(storage.db, rotated)).toEqual({
      reencrypted: 3,
      alreadyCurrent: 0,
      failed: [],
    });
    expect(await allSecretsOnCurrentKey(storage.db, rotated)).toBe(true);

    const onlyNew = { ...deps, keys: fixedKeySource(keyring(newKey)) };
    const webhook = await findWebhookRow(storage.db, integration.id);
    expect(
      await openWebhookSecret(onlyNew.keys, integration.id, webhook?.secret_ciphertext ?? ''),
    ).toBe('hook-secret');
    const row = await findRule(storage.db, integration.id, rule.id);
    expect(row === undefined ? null : openRuleSecret(onlyNew, row)).toBe(signingSecret);
  });
});
