import { createJiraClient } from '../jira/index.ts';
import { openFreshCredentials } from '../integrations/credentials.ts';
import { LeaseLostError } from '../jobs/job-lease.ts';
import type { IntegrationDeps } from '../integrations/deps.ts';
import { requestVerification } from '../integrations/jobs.ts';
import { jiraAuthFor } from '../integrations/verification/jira-auth.ts';
import { createPolicyDispatcher } from '../net/index.ts';
import type { SyncError, SyncMode } from '../shared/mirror.ts';
import { findIntegration } from '../storage/integrations.ts';
import { findSyncRun, markSyncRunRunning, updateSyncRun } from '../storage/sync-runs.ts';
import { watchForCancel } from './cancel-watch.ts';
import type { SyncContext } from './context.ts';
import { runFullSync } from './full-sync.ts';
import { runIncrementalSync } from './incremental-sync.ts';
import { budgetedClient } from './budgeted-client.ts';
import type { WorkOutcome } from './ordered-pool.ts';
import { sharedBudgetFor } from './shared-site-budget.ts';
import { budgetFor } from './site-budget.ts';
import { parseCounts } from './views.ts';

/** Options of sync runs. */
export interface SyncOptions {
  /** Units of work in flight per run (default 8); the site's budget decides how many requests go out. */
  concurrency?: number;
  /** How often a running run looks for a cancel request (default 1000 ms). */
  cancelPollMs?: number;
  /**
   * Whether other processes share the database and so the Jira sites (PostgreSQL): then a site's
   * budget is agreed through the database, else it is this process's own (default false).
   */
  sharedSiteBudgets?: boolean;
}

/** What a run did: its final status, or nothing when the run or its integration is gone. */
export type SyncRunOutcome =
  | { ran: false }
  | { ran: true; status: 'succeeded' }
  | { ran: true; status: 'failed'; error: SyncError }
  | { ran: true; status: 'interrupted' }
  | { ran: true; status: 'cancelled' };

/**
 * Runs (or resumes) one sync run of one integration and records how it ended. Runs only while the
 * integration is connected; when Jira refuses the credentials the integration is verified again,
 * which marks it failed if the token was revoked. A cancel request stops it at the next unit; what
 * it committed stays, and the run ends cancelled. A run that has ended is left as it is.
 */
export async function runSync(
  deps: IntegrationDeps,
  job: { integrationId: string; runId: string; mode: SyncMode },
  signal: AbortSignal,
  options: SyncOptions = {},
): Promise<SyncRunOutcome> {
  const [row, run] = await Promise.all([
    findIntegration(deps.db, job.integrationId),
    findSyncRun(deps.db, job.runId),
  ]);
  if (row === undefined || run === undefined) return { ran: false };
  if (run.status !== 'queued' && run.status !== 'running') return { ran: false };
  const at = () => deps.now().toISOString();
  const cancelled = async (): Promise<SyncRunOutcome> => {
    await updateSyncRun(deps.db, run.id, {
      status: 'cancelled',
      phase: 'finished',
      finished_at: at(),
    });
    return { ran: true, status: 'cancelled' };
  };
  if (run.cancel_requested_at !== null) return cancelled();
  const finish = async (outcome: WorkOutcome<null, SyncError>): Promise<SyncRunOutcome> => {
    await updateSyncRun(deps.db, run.id, {
      status: outcome.ok ? 'succeeded' : 'failed',
      phase: 'finished',
      finished_at: at(),
      error_json: outcome.ok ? null : JSON.stringify(outcome.error),
    });
    if (outcome.ok) return { ran: true, status: 'succeeded' };
    if (outcome.error.code === 'invalid_credentials')
      await requestVerification(deps.jobs, row.id, row.settings_version);
    return { ran: true, status: 'failed', error: outcome.error };
  };
  if (row.status !== 'connected' || row.deployment === null)
    return finish({
      ok: false,
      error: { code: 'not_connected', message: `The integration is ${row.status}, not connected.` },
    });
  const credentials = await openFreshCredentials(deps.keys, row);
  if (!credentials.ok)
    return finish({
      ok: false,
      error: { code: 'invalid_credentials', message: 'The stored token cannot be used.' },
    });
  if (!(await markSyncRunRunning(deps.db, run.id, at()))) return { ran: false };
  const cancel = watchForCancel(deps.db, run.id, options.cancelPollMs ?? 1000, deps.logger);
  const dispatcher = createPolicyDispatcher({
    policy: deps.network,
    ...(deps.proxy === undefined ? {} : { proxy: deps.proxy }),
  });
  try {
    const deployment = row.deployment === 'cloud' ? 'cloud' : 'datacenter';
    const ctx: SyncContext = {
      db: deps.db,
      client: budgetedClient(
        createJiraClient({
          baseUrl: row.site_url,
          auth: jiraAuthFor(credentials.value),
          apiVersion: deployment === 'cloud' ? 3 : 2,
          dispatcher,
          // The sync retries itself (retrying.ts), so that every 429 reaches the site's budget.
          retry: { maxAttempts: 1 },
        }),
        options.sharedSiteBudgets === true
          ? sharedBudgetFor(deps.db, row.site_url)
          : budgetFor(row.site_url),
      ),
      integrationId: row.id,
      deployment,
      runId: run.id,
      counts: parseCounts(run.counts_json),
      concurrency: options.concurrency ?? 8,
      signal: AbortSignal.any([signal, cancel.signal]),
      logger: deps.logger,
      now: deps.now,
    };
    const outcome = job.mode === 'full' ? await runFullSync(ctx) : await runIncrementalSync(ctx);
    cancel.stop();
    // A run that got to the end before it saw the request has succeeded all the same.
    if (cancel.signal.aborted && !outcome.ok) return await cancelled();
    // Another worker may have taken the run over: its status is that worker's to report.
    if (signal.reason instanceof LeaseLostError) return { ran: true, status: 'interrupted' };
    if (signal.aborted) {
      // The queue is stopping: the job is retried and resumes at the checkpoint.
      await updateSyncRun(deps.db, run.id, { status: 'queued', phase: 'interrupted' });
      return { ran: true, status: 'interrupted' };
    }
    return await finish(outcome);
  } finally {
    cancel.stop();
    await dispatcher.close();
  }
}
