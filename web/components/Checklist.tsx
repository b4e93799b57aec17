import type { VerificationCheck } from '../../src/shared/integrations.ts';
import { CHECK_LABELS, formatDuration } from '../labels.ts';

const STATUS_WORDS: Record<VerificationCheck['status'], string> = {
  passed: 'Passed',
  failed: 'Failed',
  skipped: 'Skipped',
  warning: 'Warning',
};

const STATUS_SYMBOLS: Record<VerificationCheck['status'], string> = {
  passed: '✓',
  failed: '✕',
  skipped: '–',
  warning: '!',
};

/** The last verification's steps, in order: what was checked, the result, how long, and the detail. */
export function Checklist(props: { checks: readonly VerificationCheck[] }) {
  if (props.checks.length === 0) return <p className="muted">No verification has finished yet.</p>;
  return (
    <ol className="checklist boxed-list" aria-label="Verification checks">
      {props.checks.map((check) => (
        <li key={check.name} className={`check check--${check.status}`} data-check={check.name}>
          <span className="check__symbol" aria-hidden="true">
            {STATUS_SYMBOLS[check.status]}
          </span>
          <div className="check__body">
            <p className="check__title">
              {CHECK_LABELS[check.name]}{' '}
              <span className="check__meta">
                {STATUS_WORDS[check.status]}
                {check.status === 'skipped' ? '' : ` · ${formatDuration(check.durationMs)}`}
              </span>
            </p>
            {check.detail === '' ? null : <p className="check__detail">{check.detail}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
