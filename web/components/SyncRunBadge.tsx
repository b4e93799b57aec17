import type { SyncRunStatus } from '../../src/shared/mirror.ts';
import { RUN_STATUS_LABELS } from '../sync-labels.ts';

// A symbol as well as a colour, so the status does not depend on seeing colour.
const SYMBOLS: Record<SyncRunStatus, string> = {
  queued: '◌',
  running: '↻',
  succeeded: '✓',
  failed: '✕',
  cancelled: '–',
};

/** A sync run's status as a coloured pill with a symbol and a word. */
export function SyncRunBadge(props: { status: SyncRunStatus }) {
  return (
    <span className={`badge badge--run-${props.status}`} data-run-status={props.status}>
      <span aria-hidden="true">{SYMBOLS[props.status]}</span> {RUN_STATUS_LABELS[props.status]}
    </span>
  );
}
