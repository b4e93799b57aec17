/** One function per mirror API call the web app makes. */
import type {
  MirrorField,
  MirrorIssue,
  MirrorIssueDetail,
  MirrorProject,
  MirrorSeenUser,
  MirrorStatus,
  Page,
} from '../src/shared/mirror.ts';
import { callApi } from './api.ts';
import {
  FieldListSchema,
  IssuePageSchema,
  MirrorIssueDetailSchema,
  ProjectListSchema,
  SeenUserListSchema,
  StatusListSchema,
} from './mirror-schemas.ts';

function mirrorPath(integrationId: string, rest: string): string {
  return `/api/integrations/${encodeURIComponent(integrationId)}/${rest}`;
}

/** The mirrored projects. */
export async function listProjects(integrationId: string): Promise<MirrorProject[]> {
  return (await callApi('GET', mirrorPath(integrationId, 'projects'), ProjectListSchema)).items;
}

/** The mirrored statuses. */
export async function listStatuses(integrationId: string): Promise<MirrorStatus[]> {
  return (await callApi('GET', mirrorPath(integrationId, 'statuses'), StatusListSchema)).items;
}

/** The mirrored field definitions. */
export async function listFields(integrationId: string): Promise<MirrorField[]> {
  return (await callApi('GET', mirrorPath(integrationId, 'fields'), FieldListSchema)).items;
}

/** The Jira users the mirror has seen. */
export async function listSeenUsers(integrationId: string): Promise<MirrorSeenUser[]> {
  return (await callApi('GET', mirrorPath(integrationId, 'users'), SeenUserListSchema)).items;
}

/** One page of issues for an API query built by issueApiQuery. */
export function listIssues(
  integrationId: string,
  query: URLSearchParams,
): Promise<Page<MirrorIssue>> {
  return callApi('GET', mirrorPath(integrationId, `issues?${query.toString()}`), IssuePageSchema);
}

/** One issue with its fields and comments, by its key or a key it had before a move. */
export function getIssue(integrationId: string, key: string): Promise<MirrorIssueDetail> {
  return callApi(
    'GET',
    mirrorPath(integrationId, `issues/${encodeURIComponent(key)}`),
    MirrorIssueDetailSchema,
  );
}
