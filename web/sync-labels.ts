/** Words and numbers of sync runs, as a person reads them. */
import type { SyncMode, SyncRunStatus, SyncRunView } from '../src/shared/mirror.ts';

/** "Queued", "Running", "Succeeded", … */
export const RUN_STATUS_LABELS: Record<SyncRunStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** "Full" or "Incremental". */
export const SYNC_MODE_LABELS: Record<SyncMode, string> = {
  full: 'Full',
  incremental: 'Incremental',
};

// The engine's phase names (src/sync); an unknown one is shown as it is.
const PHASE_LABELS: Record<string, string> = {
  queued: 'Waiting to start',
  metadata: 'Reading projects, fields and statuses',
  issues: 'Copying issues',
  changes: 'Copying changed issues',
  reconcile: 'Looking for deleted and moved issues',
  dependents: 'Refreshing related issues',
  interrupted: 'Interrupted; resuming',
  cancelling: 'Stopping after the current batch',
  finished: 'Finished',
};

/** What the run is doing now. */
export function phaseLabel(phase: string): string {
  return PHASE_LABELS[phase] ?? phase;
}

const count = new Intl.NumberFormat();

/** A count with the reader's digit grouping: "12,345". */
export function formatCount(value: number): string {
  return count.format(value);
}

/** Issues per second: "42 issues/s", or "0.5 issues/s" when slow. */
export function formatRate(rate: number): string {
  const rounded = rate >= 10 ? Math.round(rate) : Math.round(rate * 10) / 10;
  return `${count.format(rounded)} issues/s`;
}

/** A span of seconds: "under 1 s", "45 s", "3 min 20 s", "2 h 5 min". */
export function formatSeconds(total: number): string {
  if (total < 1) return 'under 1 s';
  const seconds = Math.round(total);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** How long a run took (or has taken so far), or null before it started. */
export function runDuration(run: SyncRunView, now: Date): string | null {
  if (run.startedAt === null) return null;
  const end = run.finishedAt === null ? now.getTime() : Date.parse(run.finishedAt);
  return formatSeconds(Math.max(0, (end - Date.parse(run.startedAt)) / 1000));
}

/** The share done as a whole percentage, or null when the total is not known. */
export function percentDone(run: SyncRunView): number | null {
  if (run.total === null || run.total <= 0) return null;
  return Math.min(100, Math.floor((run.done / run.total) * 100));
}
