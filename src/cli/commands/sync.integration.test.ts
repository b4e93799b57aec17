import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCloudIntegrationByCli, runCli } from '../../../test/support/cli.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import { startSandbox } from '../../sandbox/index.ts';

// Each step spawns the real CLI (a fresh Node process compiling TypeScript), so steps take seconds.
describe('owlhub sync', { timeout: 120_000 }, () => {
  let sandbox: Sandbox;
  let dataDir: string;
  let env: Record<string, string>;
  let id: string;

  beforeAll(async () => {
    // Slow enough that the CLI's progress polls (every 250 ms) see the run's phases on a fast machine.
    sandbox = await startSandbox({ flavor: 'cloud', issues: 120, latencyMs: 300 });
    if (sandbox.credentials.flavor !== 'cloud') throw new Error('expected cloud');
    dataDir = mkdtempSync(join(tmpdir(), 'owlhub-cli-sync-'));
    env = { OWLHUB_DATA_DIR: dataDir, OWLHUB_ALLOWED_HOSTS: new URL(sandbox.url).host };
    id = await addCloudIntegrationByCli(env, sandbox);
  });
  afterAll(async () => {
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs a full sync in process with plain progress lines and a summary, exit 0', async () => {
    const run = await runCli(['sync', id, '--full'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^(metadata|issues) /m);
    expect(run.stdout).toContain('full sync succeeded');
    expect(run.stdout).toContain('120 listed, 120 written');
  });

  it('queues with --no-wait, and the next sync runs the queued run', async () => {
    const queued = await runCli(['sync', id, '--no-wait'], env);
    expect(queued.code).toBe(0);
    expect(queued.stdout).toMatch(/Queued incremental sync run \S+/);
    const run = await runCli(['sync', id], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('incremental sync succeeded');
  });

  it('exits non-zero with the error code and message when the sync fails', async () => {
    sandbox.revokeCredentials();
    try {
      const run = await runCli(['sync', id], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        'Sync failed (invalid_credentials): Jira refused the credentials',
      );
    } finally {
      sandbox.restoreCredentials();
    }
  });

  it('refuses an unknown integration', async () => {
    const run = await runCli(['sync', 'no-such-id'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('    at ');
  });
});
