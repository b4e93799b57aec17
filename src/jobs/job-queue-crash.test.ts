import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/support/storage.ts';
import { DIALECTS } from '../../test/support/storage.ts';
import type { Storage } from '../storage/connect.ts';
import { createJobQueue } from './create-job-queue.ts';
import type { JobQueue } from './job-queue.ts';
import {
  createSharedDatabase,
  createTestLogger,
  openShared,
  waitFor,
} from './test-fixtures/support.ts';

const WORKER = fileURLToPath(new URL('./test-fixtures/crash-worker.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Starts the crash worker on `database` and resolves with the id of the job once it is running. */
async function startWorkerUntilJobRuns(database: TestDatabase, children: ChildProcess[]) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', WORKER, JSON.stringify(database.target)],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  let output = '';
  const started = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /started (\S+) 1\n/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`crash worker exited early (${code})`)));
  });
  return { child, jobId: await started };
}

describe.each(DIALECTS)('job queue on %s after a crash', (dialect) => {
  let database: TestDatabase;
  let storage: Storage;
  let queue: JobQueue | undefined;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    queue = undefined;
    database = await createSharedDatabase(dialect);
    storage = openShared(database);
  });
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    await queue?.stop(2000);
    await storage.close();
    await database.drop();
  });

  it('runs a job again when the process running it was killed', async () => {
    const { child, jobId } = await startWorkerUntilJobRuns(database, children);
    child.kill('SIGKILL');
    await once(child, 'exit');

    const runs: { id: string; attempt: number; data: unknown }[] = [];
    queue = createJobQueue(storage, {
      logger: createTestLogger(),
      pollIntervalMs: 100,
      maintenanceIntervalSeconds: 1,
    });
    queue.register(
      'long',
      ({ id, attempt, data }) => {
        runs.push({ id, attempt, data });
        return Promise.resolve();
      },
      { leaseSeconds: 1, retryLimit: 2, retryDelaySeconds: 0 },
    );
    const restartedAt = Date.now();
    await queue.start();

    await waitFor('the interrupted job to run again', () => runs.length === 1, 15_000);
    expect(runs).toEqual([{ id: jobId, attempt: 2, data: { step: 'interrupted' } }]);
    // The fixture's lease is one second; the takeover must come soon after it.
    expect(Date.now() - restartedAt).toBeLessThan(6000);
  });
});
