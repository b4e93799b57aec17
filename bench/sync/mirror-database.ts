import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { pino } from 'pino';
import { sealCredentials } from '../../src/integrations/credentials.ts';
import type { IntegrationDeps } from '../../src/integrations/deps.ts';
import { fixedKeySource } from '../../src/integrations/key-source.ts';
import { createKeyring, generateSecretKey } from '../../src/secrets/index.ts';
import type { Storage } from '../../src/storage/connect.ts';
import { openStorage } from '../../src/storage/connect.ts';
import { insertIntegration } from '../../src/storage/integrations.ts';
import { listIssueRows } from '../../src/storage/mirror-issue-queries.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import type { Target } from './protocol.ts';

/** A migrated SQLite database in a temporary folder with one connected integration for the sandbox. */
export interface MirrorDatabase {
  storage: Storage;
  deps: IntegrationDeps;
  integrationId: string;
  /** Checks that the mirror is stored and queryable: returns how many issues it holds. */
  countIssues(): Promise<number>;
  close(): Promise<void>;
}

/** Creates the database a variant syncs into, as `npm start` would (SQLite under a data folder). */
export async function createMirrorDatabase(target: Target): Promise<MirrorDatabase> {
  const folder = mkdtempSync(join(tmpdir(), 'owlhub-bench-'));
  const storage = openStorage({ dialect: 'sqlite', path: join(folder, 'owlhub.db') });
  const migrated = await migrateToLatest(storage.db);
  if (migrated.error) throw migrated.error;
  const keyring = createKeyring(generateSecretKey());
  if (!keyring.ok) throw new Error('keyring');
  const integrationId = 'bench';
  const at = new Date().toISOString();
  await insertIntegration(storage.db, {
    id: integrationId,
    type: 'jira',
    name: 'Bench sandbox',
    site_url: target.url,
    allow_insecure_http: 1,
    ...sealCredentials(keyring.value, integrationId, {
      authType: 'cloud_token',
      email: target.email,
      token: target.apiToken,
    }),
    deployment: 'cloud',
    status: 'connected',
    error_json: null,
    account_json: null,
    deployment_info_json: null,
    access_json: null,
    checks_json: '[]',
    settings_version: 1,
    consecutive_failures: 0,
    last_verified_at: at,
    next_check_at: null,
    created_by: null,
    created_at: at,
    updated_at: at,
  });
  const deps: IntegrationDeps = {
    db: storage.db,
    keys: fixedKeySource(keyring.value),
    jobs: {
      register: () => undefined,
      schedule: () => undefined,
      cancel: () => Promise.resolve(false),
      start: () => Promise.resolve(),
      stop: () => Promise.resolve(),
      enqueue: () => Promise.resolve('bench-job'),
    },
    network: { allowPrivateNetworks: false, allowedHosts: [{ host: '127.0.0.1' }] },
    logger: pino({ level: 'warn' }),
    now: () => new Date(),
  };
  return {
    storage,
    deps,
    integrationId,
    async countIssues() {
      const { count } = await storage.db
        .selectFrom('jira_issues')
        .select(sql<number | string>`count(*)`.as('count'))
        .where('integration_id', '=', integrationId)
        .executeTakeFirstOrThrow();
      // The data API's own query, so that "queryable" means what a user would do.
      const newest = await listIssueRows(storage.db, integrationId, {}, { limit: 10 });
      const total = Number(count);
      if (total > 0 && newest.length === 0) throw new Error('issues stored but not listed');
      return total;
    },
    async close() {
      await storage.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
