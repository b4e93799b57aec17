import { Command } from 'commander';
import type { IntegrationCoreDeps } from '../../integrations/deps.ts';
import { getIntegrationRow } from '../../integrations/manage.ts';
import { createJobQueue } from '../../jobs/create-job-queue.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import type { SyncMode, SyncRunView } from '../../shared/mirror.ts';
import type { Storage } from '../../storage/connect.ts';
import { findLiveSyncRun, findSyncRun } from '../../storage/sync-runs.ts';
import { requestSync } from '../../sync/jobs.ts';
import { runSync } from '../../sync/run-sync.ts';
import { runRowToView } from '../../sync/views.ts';
import { withCoreDeps } from '../core-deps.ts';
import { createProgressPrinter, summaryText } from '../sync-progress.ts';

interface SyncOptions {
  full?: boolean;
  wait: boolean;
}

const POLL_MS = 250;

/** The queue of a process that only runs what it starts itself: enqueueing records nothing. */
const IN_PROCESS: JobQueue = {
  register: () => undefined,
  schedule: () => undefined,
  start: () => Promise.resolve(),
  stop: () => Promise.resolve(),
  enqueue: () => Promise.resolve('cli'),
  cancel: () => Promise.resolve(false),
};

/** `owlhub sync ID [--full] [--no-wait]`. */
export function syncCommand(): Command {
  return new Command('sync')
    .argument('<id>', 'integration id (see `owlhub integrations list`)')
    .description('Sync an integration now, with a progress bar (incremental unless --full)')
    .option('--full', 're-read everything instead of what changed')
    .option('--no-wait', 'queue the run for the server and return at once')
    .action(async (id: string, options: SyncOptions) => {
      const mode: SyncMode = options.full === true ? 'full' : 'incremental';
      const run = await withCoreDeps(async (deps, storage) => {
        await getIntegrationRow(deps, id);
        return options.wait ? syncHere(deps, id, mode) : queueForServer(deps, storage, id, mode);
      });
      if (run === null) return;
      process.stdout.write(`${summaryText(run)}\n`);
      if (run.status !== 'succeeded') {
        const error = run.error ?? { code: run.status, message: `The run ended ${run.status}.` };
        process.stderr.write(`Sync failed (${error.code}): ${error.message}\n`);
        process.exitCode = 1;
      }
    });
}

/**
 * Runs the sync in this process, as `integrations verify` verifies: the CLI has no job worker.
 * A run that is already under way (the server's) is followed instead of started twice.
 */
async function syncHere(
  deps: IntegrationCoreDeps,
  integrationId: string,
  mode: SyncMode,
): Promise<SyncRunView> {
  const printer = createProgressPrinter(process.stdout);
  const live = await findLiveSyncRun(deps.db, integrationId);
  let runId: string;
  let work: Promise<unknown>;
  if (live?.status === 'running') {
    process.stdout.write(`Following run ${live.id}, already running.\n`);
    runId = live.id;
    work = waitForEnd(deps, runId);
  } else {
    const request = await requestSync({ ...deps, jobs: IN_PROCESS }, integrationId, mode);
    if (request.runId === null) throw new Error('No sync run could be queued.');
    runId = request.runId;
    const stop = new AbortController();
    // Ctrl-C stops at the next unit; the checkpoint lets the next `owlhub sync` resume.
    process.once('SIGINT', () => stop.abort());
    work = runSync(
      { ...deps, jobs: IN_PROCESS },
      { integrationId, runId, mode: live?.mode ?? mode },
      stop.signal,
    );
  }
  // An object, so that the loop reads what the finally block sets.
  const progress = { finished: false };
  const ticker = (async () => {
    while (!progress.finished) {
      const row = await findSyncRun(deps.db, runId);
      if (row !== undefined) printer.show(runRowToView(row, deps.now()));
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();
  try {
    await work;
  } finally {
    progress.finished = true;
    await ticker;
    printer.end();
  }
  const row = await findSyncRun(deps.db, runId);
  if (row === undefined) throw new Error(`Run ${runId} vanished.`);
  return runRowToView(row, deps.now());
}

async function waitForEnd(deps: IntegrationCoreDeps, runId: string): Promise<void> {
  for (;;) {
    const row = await findSyncRun(deps.db, runId);
    if (row === undefined || (row.status !== 'running' && row.status !== 'queued')) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Queues the run in the job queue for a running server's workers, and says so. */
async function queueForServer(
  deps: IntegrationCoreDeps,
  storage: Storage,
  integrationId: string,
  mode: SyncMode,
): Promise<null> {
  // No job is registered here, so the started queue only enqueues and never runs anything.
  const jobs = createJobQueue(storage, { logger: deps.logger });
  await jobs.start();
  try {
    const request = await requestSync({ ...deps, jobs }, integrationId, mode);
    process.stdout.write(
      request.queued
        ? `Queued ${mode} sync run ${request.runId}; a running OwlHub server picks it up.\n`
        : `A sync run is already queued or running: ${request.runId ?? 'unknown'}.\n`,
    );
  } finally {
    await jobs.stop();
  }
  return null;
}
