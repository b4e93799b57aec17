/** TanStack Query hooks for create metadata, transitions and the audit log. */
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { CreateField, CreateIssueType, IssueTransition } from '../src/shared/actions.ts';
import type { AuditEntryView } from '../src/shared/audit.ts';
import {
  listAudit,
  listCreateFields,
  listCreateIssueTypes,
  listTransitions,
} from './action-endpoints.ts';

/** Issue types one may create in `project` (none asked while no project is chosen). */
export function useCreateIssueTypes(
  id: string,
  project: string,
): UseQueryResult<CreateIssueType[]> {
  return useQuery({
    queryKey: ['integrations', id, 'create-meta', project],
    queryFn: () => listCreateIssueTypes(id, project),
    enabled: project !== '',
  });
}

/** The create form's fields for a project and issue type. */
export function useCreateFields(
  id: string,
  project: string,
  issueTypeId: string,
): UseQueryResult<CreateField[]> {
  return useQuery({
    queryKey: ['integrations', id, 'create-meta', project, issueTypeId],
    queryFn: () => listCreateFields(id, project, issueTypeId),
    enabled: project !== '' && issueTypeId !== '',
  });
}

/** Transitions available on an issue now. */
export function useTransitions(
  id: string,
  key: string,
  enabled: boolean,
): UseQueryResult<IssueTransition[]> {
  return useQuery({
    queryKey: ['integrations', id, 'transitions', key],
    queryFn: () => listTransitions(id, key),
    enabled,
  });
}

/** One page of the audit log. */
export function useAuditLog(cursor: string | null): UseQueryResult<{
  items: AuditEntryView[];
  nextCursor: string | null;
}> {
  return useQuery({ queryKey: ['audit', cursor], queryFn: () => listAudit(cursor) });
}
