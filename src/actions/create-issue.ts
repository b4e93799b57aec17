import type { AuditActor } from '../audit/actor.ts';
import { ApiError, invalidInput } from '../server/errors.ts';
import type { MirrorIssueDetail } from '../shared/mirror.ts';
import { audited } from './audited.ts';
import { readCreateScreen } from './create-meta.ts';
import type { ActionDeps } from './deps.ts';
import { toJiraFields } from './field-values.ts';
import { valueOf } from './jira-failure.ts';
import { withJira } from './jira-session.ts';
import { refreshMirroredIssue } from './refresh-mirror.ts';

/** What to create: where, of which type, and the field values (form values or Jira's JSON). */
export interface NewIssueInput {
  projectKey: string;
  issueTypeId: string;
  fields: Record<string, unknown>;
}

/**
 * Creates an issue in Jira from form values (converted with the create screen), then mirrors it
 * and answers the mirrored issue. Jira's per-field messages come back as `invalid_input` fields.
 */
export async function createIssue(
  deps: ActionDeps,
  actor: AuditActor,
  integrationId: string,
  input: NewIssueInput,
): Promise<MirrorIssueDetail> {
  const record = {
    actor,
    integrationId,
    action: 'jira.issue.create',
    target: input.projectKey,
    input: { ...input },
  };
  return audited(deps, record, () =>
    withJira(deps, integrationId, async (session) => {
      const screen = await readCreateScreen(session, input.projectKey, input.issueTypeId);
      const converted = toJiraFields(screen, input.fields, session.deployment);
      if (!converted.ok) throw invalidInput(converted.errors);
      const created = valueOf(
        await session.client.createIssue({
          ...converted.fields,
          project: { key: input.projectKey },
          issuetype: { id: input.issueTypeId },
        }),
      );
      try {
        return await refreshMirroredIssue(deps, session, created.key);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        throw new ApiError(
          'jira_error',
          `${created.key} was created in Jira, but reading it back failed: ${error.message}`,
          {
            hint: `Do not create it again: ${created.key} will appear in the mirror at the next sync.`,
          },
        );
      }
    }),
  );
}
