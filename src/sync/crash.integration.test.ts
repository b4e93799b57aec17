import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/storage.ts';
import { listAllIssueRows } from '../storage/mirror-issue-queries.ts';
import { requestSync } from './jobs.ts';
import type { SyncFixture } from './testing/fixture.ts';
import { createSyncFixture, expectParity } from './testing/fixture.ts';

const CHILD = fileURLToPath(new URL('./testing/crash-child.ts', import.meta.url));
const BULK = 'POST /rest/api/3/issue/bulkfetch';

/** Runs the sync in a child process and SIGKILLs it once Jira has served `after` bulk fetches. */
async function killMidSync(fixture: SyncFixture, runId: string, after: number): Promise<void> {
  fixture.sandbox.resetStats();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, JSON.stringify(fixture.target), fixture.integrationId, runId],
    { env: { ...process.env, OWLHUB_TEST_SECRET_KEY: fixture.secretKey }, stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const watcher = setInterval(() => {
    if ((fixture.sandbox.stats().byRoute[BULK] ?? 0) >= after) child.kill('SIGKILL');
  }, 2);
  await exited;
  clearInterval(watcher);
}

describe.each(DIALECTS)('a sync process killed mid-run on %s', (dialect) => {
  let fixture: SyncFixture | undefined;
  afterEach(async () => {
    await fixture?.close();
    fixture = undefined;
  });

  it('resumes after kills at several points to exact parity, with nothing counted twice', async () => {
    fixture = await createSyncFixture(dialect, {
      flavor: 'cloud',
      issues: 300,
      pageCap: 7,
      latencyMs: 20,
    });
    const request = await requestSync(fixture.deps, fixture.integrationId, 'full');
    if (request.runId === null) throw new Error('no run');
    const counts: number[] = [];
    for (const after of [1, 2]) {
      await killMidSync(fixture, request.runId, after);
      counts.push((await listAllIssueRows(fixture.storage.db, fixture.integrationId)).length);
    }
    expect(counts.at(-1)).toBeLessThan(300);
    const resumed = await fixture.resume(request.runId);
    expect(resumed.outcome).toEqual({ ran: true, status: 'succeeded' });
    expect(resumed.run.counts.listed).toBe(300);
    await expectParity(fixture);
  });
});
