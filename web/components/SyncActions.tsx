import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SyncMode, SyncRunView } from '../../src/shared/mirror.ts';
import { ApiError } from '../api.ts';
import { cancelSyncRun, startSync } from '../endpoints.ts';
import { isLiveRun, keys } from '../queries.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

/**
 * "Sync now" and "Full sync" on a connected integration, and "Cancel sync" while a run is live
 * (members and admins).
 */
export function SyncActions(props: {
  integrationId: string;
  connected: boolean;
  current: SyncRunView | undefined;
}) {
  const { integrationId, current } = props;
  const queryClient = useQueryClient();
  const live = current !== undefined && isLiveRun(current);
  const start = useMutation({
    mutationFn: (mode: SyncMode) => startSync(integrationId, mode),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.syncRuns(integrationId) }),
  });
  // A server without the cancel endpoint answers 404; then the button goes rather than failing again.
  const [cancelMissing, setCancelMissing] = useState(false);
  const cancel = useMutation({
    mutationFn: (runId: string) => cancelSyncRun(runId),
    onSuccess: (run) => {
      queryClient.setQueryData(keys.syncRun(run.id), run);
      return queryClient.invalidateQueries({ queryKey: keys.syncRuns(integrationId) });
    },
    onError: (error, runId) => {
      if (error instanceof ApiError && error.status === 404) setCancelMissing(true);
      // 409: the run ended meanwhile; its next poll shows how.
      return queryClient.invalidateQueries({ queryKey: keys.syncRun(runId) });
    },
  });
  const cancelFailed =
    cancel.error instanceof ApiError ? ![404, 409].includes(cancel.error.status) : cancel.isError;
  const starting = live || start.isPending;
  return (
    <>
      {props.connected ? null : (
        <p className="muted">Syncs run once the integration is connected.</p>
      )}
      <div className="actions sync-actions">
        {props.connected ? (
          <>
            <button
              type="button"
              className="button"
              disabled={starting}
              onClick={() => start.mutate('incremental')}
            >
              Sync now
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={starting}
              onClick={() => start.mutate('full')}
            >
              Full sync
            </button>
          </>
        ) : null}
        {live && !cancelMissing ? (
          <button
            type="button"
            className="button button--danger"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(current.id)}
          >
            {cancel.isPending ? 'Cancelling…' : 'Cancel sync'}
          </button>
        ) : null}
      </div>
      {start.data?.alreadyRunning === true ? (
        <p className="notice" role="status">
          A sync was already running; it is shown below.
        </p>
      ) : null}
      {start.isError ? <ErrorNotice error={start.error} title="The sync did not start" /> : null}
      {cancelFailed ? (
        <ErrorNotice error={cancel.error} title="The sync was not cancelled" />
      ) : null}
    </>
  );
}
