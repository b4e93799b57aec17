import { z } from 'zod';
import type { JiraComment, JiraIssue } from '../jira/index.ts';
import { CommentSchema } from '../jira/schemas/comment.ts';

/** The embedded `comment` field: a page that may hold only the first comments. */
const EmbeddedComments = z.looseObject({
  comments: z.array(CommentSchema),
  total: z.number(),
});

/**
 * The comments an issue embeds, and whether they are all of them; null when the field is missing
 * or unreadable (then every comment is read page by page).
 */
export function readEmbeddedComments(
  issue: JiraIssue,
): { comments: JiraComment[]; complete: boolean } | null {
  const embedded = EmbeddedComments.safeParse(issue.fields.comment);
  if (!embedded.success) return null;
  const { comments, total } = embedded.data;
  return { comments, complete: comments.length >= total };
}
