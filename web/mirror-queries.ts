/** TanStack Query hooks for the mirror browser. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type {
  MirrorField,
  MirrorIssue,
  MirrorIssueDetail,
  MirrorProject,
  MirrorSeenUser,
  MirrorStatus,
  Page,
} from '../src/shared/mirror.ts';
import type { IssueListView } from './issue-filter.ts';
import { issueApiQuery } from './issue-filter.ts';
import {
  getIssue,
  listFields,
  listIssues,
  listProjects,
  listSeenUsers,
  listStatuses,
} from './mirror-endpoints.ts';

/** Issues per page: a screenful, and cheap for the server however large the mirror is. */
export const ISSUE_PAGE_SIZE = 25;

// Metadata changes only with a sync; a minute of caching spares a request per page view.
const METADATA_STALE_MS = 60_000;

/** Cache keys of the mirror, under the integration's own key so deleting it clears them. */
export const mirrorKeys = {
  projects: (id: string) => ['integrations', id, 'projects'] as const,
  statuses: (id: string) => ['integrations', id, 'statuses'] as const,
  fields: (id: string) => ['integrations', id, 'fields'] as const,
  users: (id: string) => ['integrations', id, 'users'] as const,
  issues: (id: string, query: string) => ['integrations', id, 'issues', query] as const,
  issue: (id: string, key: string) => ['integrations', id, 'issue', key] as const,
};

/** The mirrored projects. */
export function useProjects(id: string): UseQueryResult<MirrorProject[]> {
  return useQuery({
    queryKey: mirrorKeys.projects(id),
    queryFn: () => listProjects(id),
    staleTime: METADATA_STALE_MS,
  });
}

/** The mirrored statuses. */
export function useStatuses(id: string): UseQueryResult<MirrorStatus[]> {
  return useQuery({
    queryKey: mirrorKeys.statuses(id),
    queryFn: () => listStatuses(id),
    staleTime: METADATA_STALE_MS,
  });
}

/** The mirrored field definitions. */
export function useFields(id: string): UseQueryResult<MirrorField[]> {
  return useQuery({
    queryKey: mirrorKeys.fields(id),
    queryFn: () => listFields(id),
    staleTime: METADATA_STALE_MS,
  });
}

/** The Jira users the mirror has seen. */
export function useSeenUsers(id: string): UseQueryResult<MirrorSeenUser[]> {
  return useQuery({
    queryKey: mirrorKeys.users(id),
    queryFn: () => listSeenUsers(id),
    staleTime: METADATA_STALE_MS,
  });
}

/** The page of issues a view shows; the previous page stays on screen while the next one loads. */
export function useIssuePage(id: string, view: IssueListView): UseQueryResult<Page<MirrorIssue>> {
  const query = issueApiQuery(view, ISSUE_PAGE_SIZE);
  return useQuery({
    queryKey: mirrorKeys.issues(id, query.toString()),
    queryFn: () => listIssues(id, query),
    placeholderData: keepPreviousData,
  });
}

/** One issue with its comments. */
export function useIssue(id: string, key: string): UseQueryResult<MirrorIssueDetail> {
  return useQuery({ queryKey: mirrorKeys.issue(id, key), queryFn: () => getIssue(id, key) });
}
