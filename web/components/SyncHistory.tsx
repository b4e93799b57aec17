import type { SyncRunView } from '../../src/shared/mirror.ts';
import { formatTime } from '../labels.ts';
import { SYNC_MODE_LABELS, formatCount, runDuration } from '../sync-labels.ts';
import { SyncRunBadge } from './SyncRunBadge.tsx';

/** Past and present runs, newest first: status, mode, when, how long, what changed, why it failed. */
export function SyncHistory(props: { runs: readonly SyncRunView[] }) {
  if (props.runs.length === 0) return <p className="muted">No sync has run yet.</p>;
  const now = new Date();
  return (
    <ol className="sync-history boxed-list" aria-label="Sync runs">
      {props.runs.map((run) => (
        <li key={run.id} className="sync-history__run" data-run-id={run.id}>
          <div className="sync-history__main">
            <SyncRunBadge status={run.status} />
            <span className="sync-history__mode">{SYNC_MODE_LABELS[run.mode]}</span>
            <span className="muted">{formatTime(run.startedAt ?? run.createdAt)}</span>
          </div>
          <div className="sync-history__meta muted">
            <span>{runDuration(run, now) ?? 'Not started'}</span>
            <span aria-hidden="true">·</span>
            <span>
              {formatCount(run.counts.written)} written, {formatCount(run.counts.deleted)} deleted
            </span>
          </div>
          {run.error === undefined ? null : (
            <p className="sync-history__error">{run.error.message}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
