import { formatTime } from '../labels.ts';
import { useRuleRuns } from '../rule-queries.ts';
import { describeRunTrigger } from '../rule-summary.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { SyncRunBadge } from './SyncRunBadge.tsx';

const SHOWN = 10;

/** A rule's most recent runs: outcome, what triggered it, on which issue, each action's result. */
export function RuleRuns(props: { integrationId: string; ruleId: string; ruleName: string }) {
  const runs = useRuleRuns(props.integrationId, props.ruleId);
  if (runs.isPending) return <p className="muted">Loading the runs…</p>;
  if (runs.isError) return <ErrorNotice error={runs.error} title="Could not load the runs" />;
  if (runs.data.length === 0) return <p className="muted">Not run yet.</p>;
  return (
    <ol className="rule-runs" aria-label={`Runs of ${props.ruleName}`}>
      {runs.data.slice(0, SHOWN).map((run) => (
        <li key={run.id} className="rule-run">
          <div className="rule-run__head">
            <SyncRunBadge status={run.status} />
            <span title={run.trigger}>{describeRunTrigger(run.trigger)}</span>
            {run.issueKey === null ? null : <span>on {run.issueKey}</span>}
            <time className="muted" dateTime={run.startedAt}>
              {formatTime(run.startedAt)}
            </time>
          </div>
          {run.results.length === 0 ? null : (
            <ul className="rule-run__results">
              {run.results.map((result, index) => (
                <li key={index}>
                  <span aria-hidden="true">{result.ok ? '✓' : '✕'}</span>{' '}
                  <span className="sr-only">{result.ok ? 'Done: ' : 'Failed: '}</span>
                  {result.action}: {result.detail}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
