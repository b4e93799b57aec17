import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.ts';
import { openStorage } from '../../storage/connect.ts';
import { insertIntegration } from '../../storage/integrations.ts';
import { migrateToLatest } from '../../storage/migrate.ts';
import { writeIssueBatch } from '../../storage/mirror-batch.ts';
import { integrationRow, searchableIssue } from '../../storage/testing/search-fixtures.ts';

describe('owlhub issues', { timeout: 180_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'owlhub-cli-issues-'));
    env = { OWLHUB_DATA_DIR: dataDir };
    const storage = openStorage({ dialect: 'sqlite', path: join(dataDir, 'owlhub.sqlite') });
    try {
      const migrated = await migrateToLatest(storage.db);
      if (migrated.error) throw migrated.error;
      await insertIntegration(storage.db, integrationRow('i1'));
      await writeIssueBatch(storage.db, {
        integrationId: 'i1',
        at: '2026-11-23T12:00:00.000Z',
        users: [],
        issues: [
          {
            row: searchableIssue(1, 'WEB-1', '01', {
              summary: 'Login page broken',
              assignee: 'u1',
            }),
            comments: [],
          },
          {
            row: searchableIssue(2, 'WEB-2', '02', {
              summary: 'Slow dashboard',
              description: 'h3. Authentication takes *ten* seconds',
              status: 'Done',
            }),
            comments: [],
          },
          {
            row: searchableIssue(3, 'API-3', '03', { summary: 'Login token expired' }),
            comments: [],
          },
        ],
      });
    } finally {
      await storage.close();
    }
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the issues as a table, most recently updated first', async () => {
    const run = await runCli(['issues', 'i1'], env);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toEqual([
      'KEY    STATUS  ASSIGNEE  UPDATED           SUMMARY',
      'API-3  To Do             2026-11-03 00:00  Login token expired',
      'WEB-2  Done              2026-11-02 00:00  Slow dashboard',
      'WEB-1  To Do   u1        2026-11-01 00:00  Login page broken',
      '',
    ]);
  });

  it('searches full text with the filters, and says when more issues match', async () => {
    const search = await runCli(['issues', 'i1', '-q', 'AUTH'], env);
    expect(search.stdout).toContain('WEB-2  Done');
    expect(search.stdout).not.toContain('WEB-1');

    const filtered = await runCli(['issues', 'i1', '-q', 'login', '--project', 'WEB'], env);
    expect(filtered.stdout).toContain('WEB-1');
    expect(filtered.stdout).not.toContain('API-3');

    const limited = await runCli(['issues', 'i1', '--q', 'login', '--limit', '1'], env);
    expect(limited.stdout).toContain('API-3');
    expect(limited.stdout).toContain('More issues match');

    const none = await runCli(['issues', 'i1', '--status', 'Done', '-q', 'login'], env);
    expect(none.stdout).toBe('No issues match.\n');
  });

  it('prints JSON as the API does', async () => {
    const run = await runCli(['issues', 'i1', '--assignee', 'u1', '--json'], env);
    const items = JSON.parse(run.stdout) as { key: string; assignee: { id: string } }[];
    expect(items.map((issue) => [issue.key, issue.assignee.id])).toEqual([['WEB-1', 'u1']]);
  });

  it('refuses a bad limit and an unknown integration plainly', async () => {
    const limit = await runCli(['issues', 'i1', '--limit', '0'], env);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toBe('--limit: Use a whole number from 1 to 500.\n');
    const unknown = await runCli(['issues', 'nope'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/integration/i);
  });
});
