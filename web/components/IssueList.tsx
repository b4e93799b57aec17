import type { MirrorIssue } from '../../src/shared/mirror.ts';
import { formatIssueTime } from '../issue-time.ts';
import { issueHref } from '../routes.ts';
import { IssueStatus } from './IssueStatus.tsx';
import { Link } from './Link.tsx';

/** A page of issues: key and summary (linking to the issue), status, assignee, last update. */
export function IssueList(props: { integrationId: string; issues: MirrorIssue[] }) {
  return (
    <ul className="issue-list boxed-list" aria-label="Issues">
      {props.issues.map((issue) => (
        <li key={issue.id} className="issue-row">
          <Link href={issueHref(props.integrationId, issue.key)} className="issue-row__link">
            <span className="issue-row__key">{issue.key}</span>{' '}
            <span className="issue-row__summary">{issue.summary}</span>
          </Link>
          <div className="issue-row__meta">
            <IssueStatus status={issue.status} category={issue.statusCategory} />
            <span>{issue.assignee?.displayName ?? issue.assignee?.id ?? 'Unassigned'}</span>
            <span className="muted">
              Updated <time dateTime={issue.updated}>{formatIssueTime(issue.updated)}</time>
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
