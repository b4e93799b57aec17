import type { SyncRunView } from '../../src/shared/mirror.ts';
import { formatTime } from '../labels.ts';
import { isLiveRun } from '../queries.ts';
import { SYNC_MODE_LABELS, formatRate, formatSeconds, runDuration } from '../sync-labels.ts';
import { SyncCounts } from './SyncCounts.tsx';
import { SyncProgressBar } from './SyncProgressBar.tsx';
import { SyncRunBadge } from './SyncRunBadge.tsx';

/** The current or last run: status, and while it is live, the progress bar with rate and time left. */
export function SyncRunSummary(props: { run: SyncRunView }) {
  const { run } = props;
  const live = isLiveRun(run);
  const duration = runDuration(run, new Date());
  return (
    <div className="sync-run" data-run-id={run.id}>
      <p className="sync-run__head" aria-live="polite">
        <SyncRunBadge status={run.status} />{' '}
        <span>
          {SYNC_MODE_LABELS[run.mode]} sync
          {run.startedAt === null ? '' : `, started ${formatTime(run.startedAt)}`}
          {duration === null || live ? '' : `, took ${duration}`}
        </span>
      </p>
      {live ? <SyncProgressBar run={run} /> : null}
      {live && run.rate !== null ? (
        <p className="sync-run__pace muted">
          {formatRate(run.rate)}
          {run.etaSeconds === null ? '' : ` · about ${formatSeconds(run.etaSeconds)} left`}
        </p>
      ) : null}
      <SyncCounts counts={run.counts} />
      {run.error === undefined ? null : (
        <p className="notice notice--error" data-sync-error={run.error.code}>
          {run.error.message}
        </p>
      )}
    </div>
  );
}
