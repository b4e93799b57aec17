import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStorage } from '../../test/support/storage.ts';
import type { Storage } from './connect.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  findIdempotencyKey,
  pruneIdempotencyKeys,
  releaseIdempotencyKey,
} from './idempotency-keys.ts';

const NOW = '2026-11-23T12:00:00.000Z';
const LONG_AGO = '2026-11-23T11:00:00.000Z';

describe.each(DIALECTS)('idempotency keys on %s', (dialect) => {
  let storage: Storage;
  const scope = { userId: 'u1', integrationId: 'i1', key: 'k' };

  beforeEach(async () => {
    storage = await createTestStorage(dialect);
    const at = NOW;
    await storage.db
      .insertInto('users')
      .values({
        id: 'u1',
        email: 'a@example.com',
        name: 'A',
        role: 'member',
        password_hash: 'x',
        created_at: at,
        updated_at: at,
      })
      .execute();
    await storage.db
      .insertInto('integrations')
      .values({
        id: 'i1',
        type: 'jira',
        name: 'J',
        site_url: 'https://x.atlassian.net',
        allow_insecure_http: 0,
        auth_type: 'cloud_token',
        email: null,
        username: null,
        secret_ciphertext: null,
        token_hint: null,
        deployment: null,
        status: 'pending',
        error_json: null,
        account_json: null,
        deployment_info_json: null,
        access_json: null,
        checks_json: '[]',
        settings_version: 1,
        consecutive_failures: 0,
        last_verified_at: null,
        next_check_at: null,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  });
  afterEach(async () => {
    await storage.close();
  });

  it('lets exactly one of many concurrent claims win', async () => {
    const claims = await Promise.all(
      Array.from({ length: 8 }, () => claimIdempotencyKey(storage.db, scope, 'h', NOW, LONG_AGO)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('keeps the answer, frees an unanswered key, and hands over a claim abandoned long ago', async () => {
    expect(await claimIdempotencyKey(storage.db, scope, 'h', LONG_AGO, LONG_AGO)).toBe(true);
    expect(await claimIdempotencyKey(storage.db, scope, 'h', NOW, LONG_AGO)).toBe(false);
    expect(await claimIdempotencyKey(storage.db, scope, 'h2', NOW, NOW)).toBe(true);
    expect((await findIdempotencyKey(storage.db, scope))?.request_hash).toBe('h2');
    await completeIdempotencyKey(storage.db, scope, {
      statusCode: 201,
      responseJson: '{}',
      at: NOW,
    });
    await releaseIdempotencyKey(storage.db, scope);
    expect(await findIdempotencyKey(storage.db, scope)).toMatchObject({ status_code: 201 });
    expect(await claimIdempotencyKey(storage.db, scope, 'h', NOW, '2999-01-01')).toBe(false);
    await storage.db.deleteFrom('idempotency_keys').execute();
    expect(await claimIdempotencyKey(storage.db, scope, 'h', NOW, LONG_AGO)).toBe(true);
    await releaseIdempotencyKey(storage.db, scope);
    expect(await findIdempotencyKey(storage.db, scope)).toBeUndefined();
  });

  it('prunes answered keys claimed before a time, never one still running', async () => {
    await claimIdempotencyKey(storage.db, scope, 'h', LONG_AGO, LONG_AGO);
    await pruneIdempotencyKeys(storage.db, scope, NOW);
    expect(await findIdempotencyKey(storage.db, scope)).toBeDefined();
    await completeIdempotencyKey(storage.db, scope, {
      statusCode: 201,
      responseJson: '{}',
      at: NOW,
    });
    await pruneIdempotencyKeys(storage.db, scope, LONG_AGO);
    expect(await findIdempotencyKey(storage.db, scope)).toBeDefined();
    await pruneIdempotencyKeys(storage.db, scope, NOW);
    expect(await findIdempotencyKey(storage.db, scope)).toBeUndefined();
  });
});
