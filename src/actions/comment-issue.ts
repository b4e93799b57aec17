import type { AuditActor } from '../audit/actor.ts';
import { commentBody } from '../jira/index.ts';
import type { MirrorIssueDetail } from '../shared/mirror.ts';
import { audited } from './audited.ts';
import type { ActionDeps } from './deps.ts';
import { valueOf } from './jira-failure.ts';
import { withJira } from './jira-session.ts';
import { refreshMirroredIssue } from './refresh-mirror.ts';

/** A comment added, and the issue as the mirror now holds it. */
export interface AddedComment {
  commentId: string;
  issue: MirrorIssueDetail;
}

/** Adds a plain-text comment (ADF on Cloud, wiki text on Data Center), then mirrors the issue. */
export async function commentIssue(
  deps: ActionDeps,
  actor: AuditActor,
  integrationId: string,
  key: string,
  input: { body: string },
): Promise<AddedComment> {
  const record = { actor, integrationId, action: 'jira.issue.comment', target: key, input };
  return audited(deps, record, () =>
    withJira(deps, integrationId, async (session) => {
      const version = session.deployment === 'cloud' ? 3 : 2;
      const comment = valueOf(
        await session.client.addComment(key, commentBody(input.body, version)),
      );
      return { commentId: comment.id, issue: await refreshMirroredIssue(deps, session, key) };
    }),
  );
}
