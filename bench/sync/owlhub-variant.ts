import { requestSync } from '../../src/sync/jobs.ts';
import { runSync } from '../../src/sync/run-sync.ts';
import { createMirrorDatabase } from './mirror-database.ts';
import type { Target } from './protocol.ts';

/** What OwlHub's full sync did, timed from queueing the run to its end. */
export interface OwlHubRun {
  wallMs: number;
  stored: number;
  status: string;
}

/** Queues a full sync and runs it in this process, as the job worker would. */
export async function runOwlHubSync(target: Target): Promise<OwlHubRun> {
  const mirror = await createMirrorDatabase(target);
  try {
    const started = performance.now();
    const request = await requestSync(mirror.deps, mirror.integrationId, 'full');
    if (request.runId === null) throw new Error('no run queued');
    const outcome = await runSync(
      mirror.deps,
      { integrationId: mirror.integrationId, runId: request.runId, mode: 'full' },
      new AbortController().signal,
    );
    const wallMs = performance.now() - started;
    const status = outcome.ran ? outcome.status : 'not run';
    if (status !== 'succeeded') throw new Error(`sync ${JSON.stringify(outcome)}`);
    return { wallMs, stored: await mirror.countIssues(), status };
  } finally {
    await mirror.close();
  }
}
