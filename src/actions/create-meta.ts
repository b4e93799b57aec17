import type { CreateField, CreateIssueType } from '../shared/actions.ts';
import type { ActionDeps } from './deps.ts';
import { CONTEXT_FIELDS, toCreateField } from './form-fields.ts';
import { valueOf } from './jira-failure.ts';
import { withJira, type JiraSession } from './jira-session.ts';

/** The issue types one may create in a project. */
export async function listCreateIssueTypes(
  deps: ActionDeps,
  integrationId: string,
  projectKey: string,
): Promise<CreateIssueType[]> {
  return withJira(deps, integrationId, async ({ client }) =>
    valueOf(await client.createMetaIssueTypes(projectKey)).map((type) => ({
      id: type.id,
      name: type.name,
      subtask: type.subtask ?? false,
      description: type.description ?? null,
    })),
  );
}

/** The create screen's fields in a session, without project and issue type (the request sets those). */
export async function readCreateScreen(
  session: JiraSession,
  projectKey: string,
  issueTypeId: string,
): Promise<CreateField[]> {
  const fields = valueOf(await session.client.createMetaFields(projectKey, issueTypeId));
  return fields.filter((f) => !CONTEXT_FIELDS.has(f.fieldId)).map(toCreateField);
}

/** The fields of the create screen for a project and issue type, in the form-friendly shape. */
export async function listCreateFields(
  deps: ActionDeps,
  integrationId: string,
  projectKey: string,
  issueTypeId: string,
): Promise<CreateField[]> {
  return withJira(deps, integrationId, (session) =>
    readCreateScreen(session, projectKey, issueTypeId),
  );
}
