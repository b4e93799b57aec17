/** One function per action and audit API call the web app makes. */
import type { CreateField, CreateIssueType, IssueTransition } from '../src/shared/actions.ts';
import type { AuditEntryView } from '../src/shared/audit.ts';
import type { MirrorIssueDetail } from '../src/shared/mirror.ts';
import {
  AddedCommentSchema,
  AuditPageSchema,
  CreateFieldListSchema,
  IssueTypeListSchema,
  TransitionListSchema,
} from './action-schemas.ts';
import { callApi } from './api.ts';
import { MirrorIssueDetailSchema } from './mirror-schemas.ts';

const enc = encodeURIComponent;
const base = (id: string) => `/api/integrations/${enc(id)}`;

/** Issue types one may create in a project. */
export async function listCreateIssueTypes(
  id: string,
  project: string,
): Promise<CreateIssueType[]> {
  return (
    await callApi('GET', `${base(id)}/projects/${enc(project)}/create-meta`, IssueTypeListSchema)
  ).items;
}

/** The create screen's fields for a project and issue type. */
export async function listCreateFields(
  id: string,
  project: string,
  issueTypeId: string,
): Promise<CreateField[]> {
  const path = `${base(id)}/projects/${enc(project)}/create-meta/${enc(issueTypeId)}`;
  return (await callApi('GET', path, CreateFieldListSchema)).items;
}

/** Creates an issue; `idempotencyKey` makes a resubmission of the same form safe. */
export function createIssue(
  id: string,
  input: { projectKey: string; issueTypeId: string; fields: Record<string, unknown> },
  idempotencyKey: string,
): Promise<MirrorIssueDetail> {
  return callApi('POST', `${base(id)}/issues`, MirrorIssueDetailSchema, input, {
    'idempotency-key': idempotencyKey,
  });
}

/** Transitions available on an issue now. */
export async function listTransitions(id: string, key: string): Promise<IssueTransition[]> {
  return (await callApi('GET', `${base(id)}/issues/${enc(key)}/transitions`, TransitionListSchema))
    .items;
}

/** Applies a transition. */
export function transitionIssue(
  id: string,
  key: string,
  transitionId: string,
): Promise<MirrorIssueDetail> {
  return callApi('POST', `${base(id)}/issues/${enc(key)}/transitions`, MirrorIssueDetailSchema, {
    transitionId,
  });
}

/** Adds a plain-text comment. */
export async function commentIssue(
  id: string,
  key: string,
  body: string,
  idempotencyKey: string,
): Promise<MirrorIssueDetail> {
  const added = await callApi(
    'POST',
    `${base(id)}/issues/${enc(key)}/comments`,
    AddedCommentSchema,
    { body },
    { 'idempotency-key': idempotencyKey },
  );
  return added.issue;
}

/** Assigns (account id on Cloud, username on Data Center) or unassigns (null). */
export function assignIssue(
  id: string,
  key: string,
  assignee: { accountId: string | null } | { name: string | null },
): Promise<MirrorIssueDetail> {
  return callApi(
    'PUT',
    `${base(id)}/issues/${enc(key)}/assignee`,
    MirrorIssueDetailSchema,
    assignee,
  );
}

/** One page of the audit log. */
export function listAudit(
  cursor: string | null,
): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  const query = new URLSearchParams({ limit: '50', ...(cursor === null ? {} : { cursor }) });
  return callApi('GET', `/api/audit?${query.toString()}`, AuditPageSchema);
}
