import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.ts';
import { checkLogin } from '../../accounts/login.ts';
import { openStorage } from '../../storage/connect.ts';

describe('owlhub users create and migrate', { timeout: 120_000 }, () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'owlhub-cli-users-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates an account with the password from stdin, never from argv', async () => {
    const env = { OWLHUB_DATA_DIR: dataDir };
    const created = await runCli(
      ['users', 'create', '--email', 'Ops@Example.com', '--name', 'Ops', '--role', 'admin'],
      env,
      'a long enough password\n',
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/^Created admin ops@example.com/);

    const storage = openStorage({ dialect: 'sqlite', path: join(dataDir, 'owlhub.sqlite') });
    try {
      const user = await checkLogin(
        storage.db,
        'ops@example.com',
        'a long enough password',
        new Date(),
      );
      expect(user.role).toBe('admin');
    } finally {
      await storage.close();
    }

    const again = await runCli(
      ['users', 'create', '--email', 'ops@example.com', '--name', 'X'],
      env,
      'another long password\n',
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');

    const short = await runCli(
      ['users', 'create', '--email', 'b@example.com', '--name', 'B'],
      env,
      'short\n',
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('password: Use at least 12 characters.');

    const migrate = await runCli(['migrate'], env);
    expect(migrate.stdout).toContain('The database is up to date.');
  });

  it('stops with a message naming a malformed variable', async () => {
    const run = await runCli(['migrate'], { OWLHUB_DATA_DIR: dataDir, LOG_LEVEL: 'loud' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('LOG_LEVEL: must be one of');
  });
});
