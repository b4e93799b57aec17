import type { MirrorComment } from '../../src/shared/mirror.ts';
import { formatIssueTime } from '../issue-time.ts';
import { RichText } from '../render/RichText.tsx';

/** The issue's comments in Jira's order: author, date, body. */
export function IssueComments(props: { comments: MirrorComment[] }) {
  const { comments } = props;
  return (
    <section className="section" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments ({comments.length})</h2>
      {comments.length === 0 ? (
        <p className="muted">No comments.</p>
      ) : (
        <ol className="comments" aria-label="Comments">
          {comments.map((comment, index) => (
            <li key={text(comment.id) ?? index} className="comment">
              <p className="comment__head">
                <strong>{authorName(comment.author)}</strong>{' '}
                <CommentTime value={text(comment.created)} />
              </p>
              <RichText value={comment.body} empty="(empty comment)" />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function CommentTime(props: { value: string | undefined }) {
  if (props.value === undefined) return null;
  return (
    <time className="muted" dateTime={props.value}>
      {formatIssueTime(props.value)}
    </time>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Jira sends the author as an object with displayName (and accountId or name). */
function authorName(author: unknown): string {
  if (!isRecord(author)) return 'Unknown author';
  return (
    text(author.displayName) ?? text(author.name) ?? text(author.accountId) ?? 'Unknown author'
  );
}
