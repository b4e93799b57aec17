import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCloudIntegrationByCli, runCli } from '../../../test/support/cli.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import { startSandbox } from '../../sandbox/index.ts';

// Each step spawns the real CLI (a fresh Node process compiling TypeScript), so steps take seconds.
describe('owlhub issue commands', { timeout: 120_000 }, () => {
  let sandbox: Sandbox;
  let dataDir: string;
  let env: Record<string, string>;
  let id: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ flavor: 'cloud', projects: 1, issues: 5 });
    if (sandbox.credentials.flavor !== 'cloud') throw new Error('expected cloud');
    dataDir = mkdtempSync(join(tmpdir(), 'owlhub-cli-'));
    env = { OWLHUB_DATA_DIR: dataDir, OWLHUB_ALLOWED_HOSTS: new URL(sandbox.url).host };
    id = await addCloudIntegrationByCli(env, sandbox);
  }, 120_000);
  afterAll(async () => {
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names each field Jira refuses, and creates once the required ones are given', async () => {
    const refused = await runCli(
      ['issue', 'create', id, '--project', 'OWL', '--type', 'Story', '--summary', 'CLI story'],
      env,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('customfield_10010: Team is required.');
    expect(refused.stderr).toContain('Nothing was changed in Jira.');

    const reviewer = sandbox.listIssues()[0]?.reporterId ?? '';
    const created = await runCli(
      [
        'issue',
        'create',
        id,
        '--project',
        'OWL',
        '--type',
        'story',
        '--summary',
        'CLI story',
        '--field',
        'customfield_10010=Mobile',
        '--field',
        `customfield_10011=${reviewer}`,
        '--field',
        'customfield_10012=8',
        '--field',
        'customfield_10013=2026-12-31',
        '--field',
        'customfield_10014=From the terminal',
        '--field',
        'customfield_10015=cli',
      ],
      env,
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/^Created OWL-\d+ {2}To Do {2}unassigned {2}CLI story\n$/);
    expect(sandbox.listIssues().filter((i) => i.summary === 'CLI story')).toHaveLength(1);
  });

  it('transitions by status name, comments and assigns', async () => {
    const key = sandbox.listIssues()[1]?.key ?? '';
    const moved = await runCli(['issue', 'transition', id, key, 'in review'], env);
    expect(moved.stdout).toContain(`${key}  In Review`);
    const unknown = await runCli(['issue', 'transition', id, key, 'Nowhere'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('has no transition "Nowhere"');

    const comment = await runCli(['issue', 'comment', id, key, 'Checked from the CLI'], env);
    expect(comment.stdout).toMatch(new RegExp(`^Comment \\d+ added to ${key}\\n$`));

    const accountId = sandbox.listIssues()[0]?.reporterId ?? '';
    const assigned = await runCli(['issue', 'assign', id, key, accountId], env);
    expect(assigned.code).toBe(0);
    expect(sandbox.getIssue(key)?.assigneeId).toBe(accountId);
    const cleared = await runCli(['issue', 'assign', id, key, 'none'], env);
    expect(cleared.stdout).toContain('unassigned');
    expect(sandbox.getIssue(key)?.assigneeId).toBeNull();
  });
});
