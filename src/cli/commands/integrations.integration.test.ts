import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import { startSandbox } from '../../sandbox/index.ts';

// Each step spawns the real CLI (a fresh Node process compiling TypeScript), so steps take seconds.
describe('owlhub integrations and secrets commands', { timeout: 120_000 }, () => {
  let sandbox: Sandbox;
  let dataDir: string;
  let env: Record<string, string>;
  let token: string;
  let email: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ flavor: 'cloud', issues: 10 });
    if (sandbox.credentials.flavor !== 'cloud') throw new Error('expected cloud');
    ({ apiToken: token, email } = sandbox.credentials);
    dataDir = mkdtempSync(join(tmpdir(), 'owlhub-cli-'));
    env = { OWLHUB_DATA_DIR: dataDir, OWLHUB_ALLOWED_HOSTS: new URL(sandbox.url).host };
  });
  afterAll(async () => {
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds, verifies, rotates the key and keeps working, with the token never in argv or output', async () => {
    const add = await runCli(
      [
        'integrations',
        'add',
        'jira',
        '--site',
        sandbox.url,
        '--email',
        email,
        '--token-stdin',
        '--allow-insecure-http',
      ],
      env,
      `${token}\n`,
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('status:     connected');
    expect(add.stdout).toMatch(/✓ search/);
    expect(add.stdout).not.toContain(token);
    expect(statSync(join(dataDir, 'secret-key.json')).mode & 0o777).toBe(0o600);

    const list = await runCli(['integrations', 'list'], env);
    const id = list.stdout.split(' ')[0] ?? '';
    expect(list.stdout).toContain('connected');

    const rotate = await runCli(['secrets', 'rotate-key'], env);
    expect(rotate.stdout).toContain('Re-encrypted 1 credential(s)');
    const retire = await runCli(['secrets', 'retire-old-keys'], env);
    expect(retire.stdout).toContain('remains');

    const verify = await runCli(['integrations', 'verify', id], env);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('status:     connected');
  });

  it('refuses a wrong replacement token and keeps the old one', async () => {
    const list = await runCli(['integrations', 'list'], env);
    const id = list.stdout.split(' ')[0] ?? '';
    const rotate = await runCli(['integrations', 'rotate-token', id, '--token-env', 'NEW_TOKEN'], {
      ...env,
      NEW_TOKEN: 'ATATT-this-is-not-valid',
    });
    expect(rotate.code).toBe(1);
    expect(rotate.stderr).toContain('The new credentials were not saved');
    const show = await runCli(['integrations', 'show', id], env);
    expect(show.stdout).toContain(`token …${token.slice(-4)}`);
  });

  it('explains a missing token source and bad input without a stack trace', async () => {
    const noToken = await runCli(['integrations', 'add', 'jira', '--site', sandbox.url], env);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('--token-stdin');
    const badSite = await runCli(
      ['integrations', 'add', 'jira', '--site', 'jira.example.com', '--token-stdin'],
      env,
      'tok\n',
    );
    expect(badSite.code).toBe(2);
    expect(badSite.stderr).toContain('siteUrl: Include the protocol: https://jira.example.com');
    expect(badSite.stderr).not.toContain('    at ');
  });
});
