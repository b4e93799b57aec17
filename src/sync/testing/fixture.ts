import { expect } from 'vitest';
import { pino } from 'pino';
import { LOOPBACK_ALLOWED } from '../../../test/support/api.ts';
import { createTestDatabase } from '../../../test/support/storage.ts';
import type { Dialect } from '../../../test/support/storage.ts';
import { sealCredentials } from '../../integrations/credentials.ts';
import type { IntegrationDeps } from '../../integrations/deps.ts';
import { fixedKeySource } from '../../integrations/key-source.ts';
import type { JobData, JobQueue } from '../../jobs/job-queue.ts';
import type { Sandbox, SandboxOptions } from '../../sandbox/index.ts';
import { startSandbox } from '../../sandbox/index.ts';
import { createKeyring, formatSecretKey, generateSecretKey } from '../../secrets/index.ts';
import type { SyncMode, SyncRunView } from '../../shared/mirror.ts';
import type { Storage, StorageTarget } from '../../storage/connect.ts';
import { openStorage } from '../../storage/connect.ts';
import { migrateToLatest } from '../../storage/migrate.ts';
import { insertIntegration } from '../../storage/integrations.ts';
import { listComments } from '../../storage/mirror-comments.ts';
import { listAllIssueRows } from '../../storage/mirror-issue-queries.ts';
import { findSyncRun } from '../../storage/sync-runs.ts';
import { requestSync } from '../jobs.ts';
import type { SyncOptions, SyncRunOutcome } from '../run-sync.ts';
import { runSync } from '../run-sync.ts';
import { runRowToView } from '../views.ts';

/** A sandbox, a migrated database and a connected integration pointing at the sandbox. */
export interface SyncFixture {
  sandbox: Sandbox;
  storage: Storage;
  deps: IntegrationDeps;
  integrationId: string;
  /** Jobs the code under test enqueued (the queue itself does not run here). */
  enqueued: { name: string; data: JobData }[];
  /** Ids of the jobs the code under test cancelled. */
  cancelled: string[];
  /** Where the database is, for a child process. */
  target: StorageTarget;
  /** The secret key in its OWLHUB_SECRET_KEY spelling, for a child process. */
  secretKey: string;
  /** Queues and runs one sync in this process, as the job would. */
  sync(
    mode: SyncMode,
    signal?: AbortSignal,
  ): Promise<{ outcome: SyncRunOutcome; run: SyncRunView }>;
  /** Runs an existing run again, as the job queue does after a crash or a stop. */
  resume(runId: string, mode?: SyncMode): Promise<{ outcome: SyncRunOutcome; run: SyncRunView }>;
  close(): Promise<void>;
}

/** Starts a sandbox with `options` and a connected integration on a fresh `dialect` database. */
export async function createSyncFixture(
  dialect: Dialect,
  options: SandboxOptions,
  sync: SyncOptions = { concurrency: 6 },
): Promise<SyncFixture> {
  const sandbox = await startSandbox(options);
  const database = await createTestDatabase(dialect);
  const storage = openStorage(database.target);
  const migrated = await migrateToLatest(storage.db);
  if (migrated.error) throw migrated.error;
  const secretKey = generateSecretKey();
  const keyring = createKeyring(secretKey);
  if (!keyring.ok) throw new Error('keyring');
  const enqueued: SyncFixture['enqueued'] = [];
  const cancelled: string[] = [];
  const jobs: JobQueue = {
    register: () => undefined,
    schedule: () => undefined,
    cancel: (_name, id) => {
      cancelled.push(id);
      return Promise.resolve(true);
    },
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
    enqueue: (name, data) => {
      enqueued.push({ name, data });
      return Promise.resolve(`job-${enqueued.length}`);
    },
  };
  const deps: IntegrationDeps = {
    db: storage.db,
    keys: fixedKeySource(keyring.value),
    jobs,
    network: LOOPBACK_ALLOWED,
    logger: pino({ level: 'silent' }),
    now: () => new Date(),
  };
  const integrationId = 'int-1';
  const c = sandbox.credentials;
  const credentials =
    c.flavor === 'cloud'
      ? { authType: 'cloud_token' as const, email: c.email, token: c.apiToken }
      : { authType: 'personal_access_token' as const, token: c.personalAccessToken };
  const at = new Date().toISOString();
  await insertIntegration(storage.db, {
    id: integrationId,
    type: 'jira',
    name: 'Sandbox',
    site_url: sandbox.url,
    allow_insecure_http: 1,
    ...sealCredentials(keyring.value, integrationId, credentials),
    deployment: c.flavor,
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
  const runAndRead = async (runId: string, mode: SyncMode, signal: AbortSignal) => {
    const outcome = await runSync(deps, { integrationId, runId, mode }, signal, sync);
    const run = await findSyncRun(storage.db, runId);
    if (run === undefined) throw new Error('run vanished');
    return { outcome, run: runRowToView(run, new Date()) };
  };
  return {
    sandbox,
    storage,
    deps,
    integrationId,
    enqueued,
    cancelled,
    async sync(mode, signal = new AbortController().signal) {
      const request = await requestSync(deps, integrationId, mode);
      if (request.runId === null) throw new Error('no run');
      return runAndRead(request.runId, mode, signal);
    },
    resume: (runId, mode = 'full') => runAndRead(runId, mode, new AbortController().signal),
    target: database.target,
    secretKey: formatSecretKey(secretKey),
    async close() {
      await storage.close();
      await database.drop();
      await sandbox.stop();
    },
  };
}

/** Asserts that the mirror holds exactly the sandbox's issues, fields and comments. */
export async function expectParity(fixture: SyncFixture): Promise<void> {
  const { sandbox, storage, integrationId } = fixture;
  const truth = sandbox.listIssues();
  const rows = await listAllIssueRows(storage.db, integrationId);
  expect(rows.map((r) => [r.jira_id, r.key])).toEqual(truth.map((t) => [t.id, t.key]));
  for (const [i, row] of rows.entries()) {
    const rendered = sandbox.renderIssue(row.jira_id);
    // Every field but the embedded first page of comments, which are compared in full below.
    const fields = Object.entries(rendered?.fields ?? {}).filter(([name]) => name !== 'comment');
    expect(JSON.parse(row.fields_json), row.key).toEqual(Object.fromEntries(fields));
    const comments = (await listComments(storage.db, integrationId, row.jira_id)).map(
      (c) => JSON.parse(c.data_json) as { id: string },
    );
    expect(comments.length, row.key).toBe(truth[i]?.commentCount);
    const embedded = (rendered?.fields as { comment: { comments: unknown[] } }).comment.comments;
    expect(comments.slice(0, embedded.length), row.key).toEqual(embedded);
    expect(new Set(comments.map((c) => c.id)).size).toBe(comments.length);
  }
}
