import type { ReactNode } from 'react';
import type { MirrorIssue, MirrorUser } from '../../src/shared/mirror.ts';
import { formatIssueTime } from '../issue-time.ts';
import { IssueStatus } from './IssueStatus.tsx';

/** The normalised facts of an issue: status, type, priority, people, labels, dates. */
export function IssueFacts(props: { issue: MirrorIssue }) {
  const { issue } = props;
  return (
    <dl className="issue-facts">
      <Fact term="Status">
        <IssueStatus status={issue.status} category={issue.statusCategory} />
      </Fact>
      <Fact term="Type">{issue.issueType ?? '—'}</Fact>
      <Fact term="Priority">{issue.priority ?? '—'}</Fact>
      <Fact term="Assignee">{person(issue.assignee, 'Unassigned')}</Fact>
      <Fact term="Reporter">{person(issue.reporter, '—')}</Fact>
      <Fact term="Labels">
        {issue.labels.length === 0 ? (
          '—'
        ) : (
          <ul className="labels" aria-label="Labels">
            {issue.labels.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        )}
      </Fact>
      <Fact term="Created">
        <time dateTime={issue.created}>{formatIssueTime(issue.created)}</time>
      </Fact>
      <Fact term="Updated">
        <time dateTime={issue.updated}>{formatIssueTime(issue.updated)}</time>
      </Fact>
    </dl>
  );
}

function person(user: MirrorUser | null, none: string): string {
  return user === null ? none : (user.displayName ?? user.id);
}

function Fact(props: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}
