import type { CommentRecord, IssueRecord } from '../domain/model.ts';
import { formatDateTime } from '../domain/time.ts';
import { restUrl, type RenderContext } from './context.ts';
import { toAdf, toWiki } from './doc.ts';
import { renderUserById } from './user.ts';

/** A comment: ADF body in v3, wiki markup in v2. */
export function renderComment(
  ctx: RenderContext,
  issue: IssueRecord,
  comment: CommentRecord,
): Record<string, unknown> {
  const author = renderUserById(ctx, comment.authorId);
  const base = {
    self: restUrl(ctx, `issue/${issue.id}/comment/${comment.id}`),
    id: String(comment.id),
    author,
    body: ctx.version === '3' ? toAdf(comment.body) : toWiki(comment.body),
    updateAuthor: author,
    created: formatDateTime(comment.created, ctx.timeZone),
    updated: formatDateTime(comment.updated, ctx.timeZone),
  };
  return ctx.flavor === 'cloud' ? { ...base, jsdPublic: true } : base;
}

/** A page of an issue's comments, oldest first, with Jira's startAt/maxResults/total envelope. */
export function renderCommentPage(
  ctx: RenderContext,
  issue: IssueRecord,
  startAt: number,
  maxResults: number,
  newestFirst = false,
): Record<string, unknown> {
  const all = ctx.store.commentsOf(issue);
  const ordered = newestFirst ? [...all].reverse() : all;
  const page = ordered.slice(startAt, startAt + maxResults);
  return {
    self: restUrl(ctx, `issue/${issue.id}/comment`),
    comments: page.map((c) => renderComment(ctx, issue, c)),
    maxResults: page.length === 0 && startAt === 0 ? 0 : maxResults,
    total: all.length,
    startAt,
  };
}
