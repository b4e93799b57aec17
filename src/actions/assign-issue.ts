import type { AuditActor } from '../audit/actor.ts';
import { invalidInput } from '../server/errors.ts';
import type { MirrorIssueDetail } from '../shared/mirror.ts';
import { audited } from './audited.ts';
import type { ActionDeps } from './deps.ts';
import { valueOf } from './jira-failure.ts';
import { withJira } from './jira-session.ts';
import { refreshMirroredIssue } from './refresh-mirror.ts';

/** Who to assign: an account id (Cloud) or a username (Data Center); null on either unassigns. */
export interface AssigneeInput {
  accountId?: string | null | undefined;
  name?: string | null | undefined;
}

/** Assigns or unassigns an issue, then mirrors it. */
export async function assignIssue(
  deps: ActionDeps,
  actor: AuditActor,
  integrationId: string,
  key: string,
  input: AssigneeInput,
): Promise<MirrorIssueDetail> {
  const record = {
    actor,
    integrationId,
    action: 'jira.issue.assign',
    target: key,
    input: { ...input },
  };
  return audited(deps, record, () =>
    withJira(deps, integrationId, async (session) => {
      // Cloud knows people by account id only; Data Center by username.
      const field = session.deployment === 'cloud' ? 'accountId' : 'name';
      const other = field === 'accountId' ? 'name' : 'accountId';
      if (input[other] !== undefined && input[other] !== null)
        throw invalidInput({
          [other]: `This Jira is ${session.deployment === 'cloud' ? 'Cloud' : 'Data Center'}: send "${field}".`,
        });
      const who = input[field] ?? null;
      const ref = field === 'accountId' ? { accountId: who } : { name: who };
      valueOf(await session.client.assignIssue(key, ref));
      return refreshMirroredIssue(deps, session, key);
    }),
  );
}
