import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { IssueFilters } from '../components/IssueFilters.tsx';
import { IssueList } from '../components/IssueList.tsx';
import { IssuePager } from '../components/IssuePager.tsx';
import { Link } from '../components/Link.tsx';
import type { IssueFilters as Filters, IssueListView } from '../issue-filter.ts';
import { readIssueListView, writeIssueListView } from '../issue-filter.ts';
import { ISSUE_PAGE_SIZE, useIssuePage } from '../mirror-queries.ts';
import { useIntegration, useUser } from '../queries.ts';
import { navigate, useSearchParams } from '../router.ts';
import { createIssueHref, integrationHref, issuesHref, projectsHref } from '../routes.ts';
import { usePageTitle } from '../use-page-title.ts';

/** An integration's mirrored issues: search, filters and pages, all kept in the URL. */
export function IssuesPage(props: { id: string }) {
  const { id } = props;
  const view = readIssueListView(useSearchParams());
  const integration = useIntegration(id);
  const user = useUser();
  const name = integration.data?.name ?? 'Integration';
  usePageTitle(`Issues · ${name}`);
  const page = useIssuePage(id, view);

  function show(next: IssueListView, replace = false) {
    navigate(issuesHref(id, writeIssueListView(next)), { replace });
  }
  // Any change of filter starts again from the first page.
  function filter(change: Partial<Filters>, options: { replace: boolean }) {
    show({ ...view, ...change, cursors: [] }, options.replace);
  }
  const nextCursor = page.data?.nextCursor ?? null;
  const canCreate = user !== null && user.role !== 'viewer';

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/integrations">Integrations</Link> <span aria-hidden="true">›</span>{' '}
        <Link href={integrationHref(id)}>{name}</Link> <span aria-hidden="true">›</span> Issues
      </nav>
      <div className="page-head">
        <h1>Issues</h1>
        <Link href={projectsHref(id)}>Projects</Link>
        {canCreate ? (
          <Link className="button" href={createIssueHref(id)}>
            Create issue
          </Link>
        ) : null}
      </div>
      <IssueFilters integrationId={id} filters={view} onChange={filter} />
      {page.isPending ? (
        <p className="muted">Loading issues…</p>
      ) : page.isError ? (
        <ErrorNotice error={page.error} title="Could not load the issues" />
      ) : (
        <div aria-busy={page.isPlaceholderData} className={page.isPlaceholderData ? 'stale' : ''}>
          {page.data.items.length === 0 ? (
            <EmptyIssues view={view} integrationId={id} />
          ) : (
            <IssueList integrationId={id} issues={page.data.items} />
          )}
          {page.data.items.length === 0 && view.cursors.length === 0 ? null : (
            <IssuePager
              pageIndex={view.cursors.length}
              pageSize={ISSUE_PAGE_SIZE}
              shown={page.data.items.length}
              hasNext={nextCursor !== null && !page.isPlaceholderData}
              onPrevious={() => show({ ...view, cursors: view.cursors.slice(0, -1) })}
              onNext={() => {
                if (nextCursor !== null) show({ ...view, cursors: [...view.cursors, nextCursor] });
              }}
            />
          )}
        </div>
      )}
    </>
  );
}

function EmptyIssues(props: { view: IssueListView; integrationId: string }) {
  const { project, status, assignee, q } = props.view;
  if (project !== '' || status !== '' || assignee !== '' || q.trim() !== '') {
    return <p className="empty">No issues match this search and these filters.</p>;
  }
  return (
    <p className="empty">
      The mirror holds no issues yet. A sync fills it: see the{' '}
      <Link href={integrationHref(props.integrationId)}>integration’s page</Link>.
    </p>
  );
}
