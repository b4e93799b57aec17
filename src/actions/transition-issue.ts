import type { AuditActor } from '../audit/actor.ts';
import type { IssueTransition } from '../shared/actions.ts';
import type { MirrorIssueDetail } from '../shared/mirror.ts';
import { audited } from './audited.ts';
import type { ActionDeps } from './deps.ts';
import { valueOf } from './jira-failure.ts';
import { withJira } from './jira-session.ts';
import { refreshMirroredIssue } from './refresh-mirror.ts';

/** The transitions Jira offers on an issue now. */
export async function listTransitions(
  deps: ActionDeps,
  integrationId: string,
  key: string,
): Promise<IssueTransition[]> {
  return withJira(deps, integrationId, async ({ client }) =>
    valueOf(await client.getTransitions(key)).map((t) => ({
      id: t.id,
      name: t.name,
      toStatus: t.to?.name ?? null,
      toStatusCategory: t.to?.statusCategory?.key ?? null,
    })),
  );
}

/** Applies a transition (with the fields its screen asks for, in Jira's JSON), then mirrors the issue. */
export async function transitionIssue(
  deps: ActionDeps,
  actor: AuditActor,
  integrationId: string,
  key: string,
  input: { transitionId: string; fields?: Record<string, unknown> | undefined },
): Promise<MirrorIssueDetail> {
  const record = { actor, integrationId, action: 'jira.issue.transition', target: key, input };
  return audited(deps, record, () =>
    withJira(deps, integrationId, async (session) => {
      valueOf(
        await session.client.doTransition(key, {
          transitionId: input.transitionId,
          ...(input.fields === undefined ? {} : { fields: input.fields }),
        }),
      );
      return refreshMirroredIssue(deps, session, key);
    }),
  );
}
