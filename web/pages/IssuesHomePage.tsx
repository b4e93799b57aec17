import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Link } from '../components/Link.tsx';
import { Redirect } from '../components/Redirect.tsx';
import { useIntegrations } from '../queries.ts';
import { issuesHref } from '../routes.ts';
import { usePageTitle } from '../use-page-title.ts';

/** The navigation's Issues: straight to the issues when there is one integration, else a choice. */
export function IssuesHomePage() {
  usePageTitle('Issues');
  const query = useIntegrations();
  if (query.isPending) return <p className="muted">Loading integrations…</p>;
  if (query.isError) return <ErrorNotice error={query.error} title="Could not load integrations" />;
  const [only, ...others] = query.data;
  if (only !== undefined && others.length === 0) return <Redirect to={issuesHref(only.id)} />;
  return (
    <>
      <h1>Issues</h1>
      {only === undefined ? (
        <p className="empty">
          No integrations yet: <Link href="/integrations">connect a Jira</Link> to browse its
          issues.
        </p>
      ) : (
        <ul className="project-list boxed-list" aria-label="Integrations">
          {query.data.map((integration) => (
            <li key={integration.id} className="project-row">
              <span className="project-row__name">{integration.name}</span>
              <Link href={issuesHref(integration.id)} aria-label={`Issues of ${integration.name}`}>
                Issues
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
