import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { IssueActions } from '../components/IssueActions.tsx';
import { IssueComments } from '../components/IssueComments.tsx';
import { IssueFacts } from '../components/IssueFacts.tsx';
import { IssueFieldTable } from '../components/IssueFieldTable.tsx';
import { Link } from '../components/Link.tsx';
import { jiraIssueUrl } from '../jira-link.ts';
import { useFields, useIssue } from '../mirror-queries.ts';
import { useIntegration } from '../queries.ts';
import { RichText } from '../render/RichText.tsx';
import { integrationHref, issuesHref } from '../routes.ts';
import { usePageTitle } from '../use-page-title.ts';

/** One mirrored issue: summary, facts, description, comments, other fields, and a link to Jira. */
export function IssuePage(props: { id: string; issueKey: string }) {
  const { id, issueKey } = props;
  const query = useIssue(id, issueKey);
  const integration = useIntegration(id);
  const fields = useFields(id);
  const issue = query.data;
  usePageTitle(issue === undefined ? issueKey : `${issue.key} ${issue.summary}`);
  const name = integration.data?.name ?? 'Integration';
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/integrations">Integrations</Link> <span aria-hidden="true">›</span>{' '}
        <Link href={integrationHref(id)}>{name}</Link> <span aria-hidden="true">›</span>{' '}
        <Link href={issuesHref(id)}>Issues</Link> <span aria-hidden="true">›</span> {issueKey}
      </nav>
      {query.isPending ? (
        <p className="muted">Loading {issueKey}…</p>
      ) : query.isError || issue === undefined ? (
        <ErrorNotice error={query.error} title={`Could not load ${issueKey}`} />
      ) : (
        <article className="issue" aria-labelledby="issue-summary">
          <p className="issue__key">{issue.key}</p>
          <div className="page-head">
            <h1 id="issue-summary">{issue.summary}</h1>
            {integration.data === undefined ? null : (
              <a
                className="button button--quiet"
                href={jiraIssueUrl(integration.data.siteUrl, issue.key)}
                target="_blank"
                rel="noopener noreferrer"
              >
                Open in Jira <span aria-hidden="true">↗</span>
              </a>
            )}
          </div>
          {issue.key === issueKey ? null : (
            <p className="notice" role="status">
              {issueKey} moved; it is now {issue.key}.
            </p>
          )}
          <IssueFacts issue={issue} />
          <IssueActions id={id} issue={issue} />
          <section className="section" aria-labelledby="description-heading">
            <h2 id="description-heading">Description</h2>
            <RichText value={issue.fields.description} empty="No description." />
          </section>
          <IssueComments comments={issue.comments} />
          <IssueFieldTable issue={issue} fields={fields.data} />
        </article>
      )}
    </>
  );
}
