/** TanStack Query hooks: the one place that knows cache keys and when to poll. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { IntegrationView, SiteDetection } from '../src/shared/integrations.ts';
import type { SyncRunView } from '../src/shared/mirror.ts';
import type { User } from './api-schemas.ts';
import {
  detectSite,
  fetchMe,
  fetchSetupOpen,
  getIntegration,
  getSyncRun,
  listIntegrations,
  listSyncRuns,
  listUsers,
} from './endpoints.ts';
import { isSiteUrl } from './site-url.ts';
import { useDebounced } from './use-debounced.ts';
import { awaitsVerification } from './verification-watch.ts';

/** Cache keys, in one place so that writes invalidate the right reads. */
export const keys = {
  me: ['me'] as const,
  setupOpen: ['setup-open'] as const,
  integrations: ['integrations'] as const,
  integration: (id: string) => ['integrations', id] as const,
  users: ['users'] as const,
  // Under the integration's key, so that invalidating an integration refreshes its history too.
  syncRuns: (integrationId: string) => ['integrations', integrationId, 'sync-runs'] as const,
  syncRun: (runId: string) => ['sync-runs', runId] as const,
};

// Verification usually takes a second or two; polling this often makes the status feel live.
const PENDING_POLL_MS = 1000;

/** The logged-in account (null when logged out). */
export function useMe(): UseQueryResult<User | null> {
  return useQuery({ queryKey: keys.me, queryFn: fetchMe, staleTime: 60_000 });
}

/** Whether first-run setup is still open; asked only while nobody is logged in. */
export function useSetupOpen(loggedOut: boolean): UseQueryResult<boolean> {
  return useQuery({ queryKey: keys.setupOpen, queryFn: fetchSetupOpen, enabled: loggedOut });
}

/** The logged-in account, for pages that only render when someone is logged in. */
export function useUser(): User | null {
  return useMe().data ?? null;
}

/** Every account (admins only). */
export function useUsers(): UseQueryResult<User[]> {
  return useQuery({ queryKey: keys.users, queryFn: listUsers });
}

/** Every integration; polls while any of them is still pending. */
export function useIntegrations(): UseQueryResult<IntegrationView[]> {
  return useQuery({
    queryKey: keys.integrations,
    queryFn: listIntegrations,
    refetchInterval: (query) =>
      query.state.data?.some((i) => i.status === 'pending') === true ? PENDING_POLL_MS : false,
  });
}

/** One integration; polls while it is pending or being re-verified, so its status changes by itself. */
export function useIntegration(id: string): UseQueryResult<IntegrationView> {
  return useQuery({
    queryKey: keys.integration(id),
    queryFn: () => getIntegration(id),
    refetchInterval: (query) => {
      const data = query.state.data;
      const polling = data?.status === 'pending' || awaitsVerification(id, data?.lastVerifiedAt);
      return polling ? PENDING_POLL_MS : false;
    },
  });
}

// Long enough that a person typing a URL does not cause a request per key.
const DETECT_DEBOUNCE_MS = 400;

/** Cloud or Server/DC, asked of the site (through OwlHub) once the typed URL settles. */
export function useSiteDetection(siteUrl: string): {
  query: UseQueryResult<SiteDetection>;
  settledUrl: string;
} {
  const settledUrl = useDebounced(siteUrl.trim(), DETECT_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: ['detect', settledUrl],
    queryFn: () => detectSite(settledUrl),
    enabled: isSiteUrl(settledUrl),
    staleTime: 60_000,
    retry: false,
  });
  return { query, settledUrl };
}

/** Whether a run is still queued or running (its progress is worth polling). */
export function isLiveRun(run: SyncRunView): boolean {
  return run.status === 'queued' || run.status === 'running';
}

// A run commits a few hundred issues at a time, often more than once a second; two polls a second
// show each step while costing a server little.
const LIVE_RUN_POLL_MS = 500;
// The first full sync is queued just after verification says Connected; look for it promptly.
const FIRST_RUN_POLL_MS = 1000;
// Scheduled syncs start without this page knowing; notice them within half a minute.
const IDLE_RUNS_POLL_MS = 30_000;

/** An integration's sync runs, newest first; `connected` says whether runs are to be expected. */
export function useSyncRuns(
  integrationId: string,
  connected: boolean,
): UseQueryResult<SyncRunView[]> {
  return useQuery({
    queryKey: keys.syncRuns(integrationId),
    queryFn: () => listSyncRuns(integrationId),
    refetchInterval: (query) => {
      if (!connected) return false;
      return query.state.data?.length === 0 ? FIRST_RUN_POLL_MS : IDLE_RUNS_POLL_MS;
    },
  });
}

/**
 * A run as its integration's history showed it, then polled on its own while it is live; when it
 * has finished, the history is refreshed.
 */
export function useSyncRun(run: SyncRunView | undefined): UseQueryResult<SyncRunView> {
  const queryClient = useQueryClient();
  const runId = run?.id ?? '';
  return useQuery({
    queryKey: keys.syncRun(runId),
    queryFn: async () => {
      const fresh = await getSyncRun(runId);
      if (!isLiveRun(fresh))
        void queryClient.invalidateQueries({ queryKey: keys.syncRuns(fresh.integrationId) });
      return fresh;
    },
    enabled: run !== undefined && isLiveRun(run),
    ...(run === undefined ? {} : { placeholderData: run }),
    refetchInterval: (query) => {
      const data = query.state.data ?? run;
      return data !== undefined && isLiveRun(data) ? LIVE_RUN_POLL_MS : false;
    },
  });
}
