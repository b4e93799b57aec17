import type { IntegrationView } from '../../src/shared/integrations.ts';
import { formatTime } from '../labels.ts';
import { useSyncRun, useSyncRuns, useUser } from '../queries.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { SyncActions } from './SyncActions.tsx';
import { SyncHistory } from './SyncHistory.tsx';
import { SyncRunSummary } from './SyncRunSummary.tsx';

/**
 * The mirror's sync: when it last succeeded, the current or last run with live progress, the
 * controls to start or cancel one (not for viewers; the server refuses them anyway), the history.
 */
export function SyncPanel(props: { integration: IntegrationView }) {
  const { integration } = props;
  const connected = integration.status === 'connected';
  const runs = useSyncRuns(integration.id, connected);
  const newest = runs.data?.[0];
  // The history's copy of the newest run, then its own polled copy while it is live.
  const current = useSyncRun(newest).data;
  const history = (runs.data ?? []).map((run) => (run.id === current?.id ? current : run));
  const lastSucceeded = history.find((run) => run.status === 'succeeded');
  const role = useUser()?.role;
  const canSync = role === 'member' || role === 'admin';
  return (
    <section className="section sync-panel" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <p className="sync-panel__last">
        Last synced:{' '}
        <strong>
          {lastSucceeded === undefined ? 'never' : formatTime(lastSucceeded.finishedAt)}
        </strong>
      </p>
      {canSync ? (
        <SyncActions integrationId={integration.id} connected={connected} current={current} />
      ) : null}
      {runs.isError ? <ErrorNotice error={runs.error} title="Could not load the syncs" /> : null}
      {current === undefined ? null : (
        <div className="card">
          <SyncRunSummary run={current} />
        </div>
      )}
      <h3>History</h3>
      {runs.isPending ? <p className="muted">Loading the runs…</p> : null}
      {runs.isSuccess ? <SyncHistory runs={history} /> : null}
    </section>
  );
}
