import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import type { TestDatabase } from '../../test/support/storage.ts';
import { DIALECTS } from '../../test/support/storage.ts';
import { jobsTest, waitFor } from './test-fixtures/support.ts';

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

describe.concurrent.each(DIALECTS)('job queue on %s after a crash', (dialect) => {
  const test = jobsTest(dialect);

  test('runs a job again when the process running it was killed', async ({ jobs, expect }) => {
    const children: ChildProcess[] = [];
    try {
      const { child, jobId } = await startWorkerUntilJobRuns(jobs.database, children);
      child.kill('SIGKILL');
      await once(child, 'exit');

      const runs: { id: string; attempt: number; data: unknown }[] = [];
      const queue = jobs.queue(jobs.open());
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
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
