import { useId } from 'react';
import type { SyncRunView } from '../../src/shared/mirror.ts';
import { formatCount, percentDone, phaseLabel } from '../sync-labels.ts';

/**
 * A live run's progress: the phase and counts in words, and a bar that screen readers announce
 * as a progressbar; without a total (Server/DC, or before it is known) the bar is indeterminate.
 */
export function SyncProgressBar(props: { run: SyncRunView }) {
  const { run } = props;
  const labelId = useId();
  const percent = percentDone(run);
  const total = run.total === null ? null : Math.max(run.total, run.done);
  const amount =
    total === null
      ? `${formatCount(run.done)} issues`
      : `${formatCount(run.done)} of ${formatCount(total)} issues (${percent ?? 0}%)`;
  return (
    <div className="sync-progress">
      <p id={labelId} className="sync-progress__label">
        {phaseLabel(run.phase)} · {amount}
      </p>
      <div
        className={`progress${total === null ? ' progress--indeterminate' : ''}`}
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        {...(total === null
          ? {}
          : { 'aria-valuemax': total, 'aria-valuenow': run.done, 'aria-valuetext': amount })}
      >
        <div className="progress__fill" style={{ width: `${percent ?? 0}%` }} />
      </div>
    </div>
  );
}
