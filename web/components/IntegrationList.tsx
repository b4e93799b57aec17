import { useIntegrations } from '../queries.ts';
import { DEPLOYMENT_LABELS, formatTime } from '../labels.ts';
import { integrationHref } from '../routes.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Link } from './Link.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** Every integration with its status badge; the badges update by themselves while any is pending. */
export function IntegrationList() {
  const query = useIntegrations();
  if (query.isPending) return <p className="muted">Loading integrations…</p>;
  if (query.isError) return <ErrorNotice error={query.error} title="Could not load integrations" />;
  if (query.data.length === 0) return <p className="muted">No integrations yet.</p>;
  return (
    <ul className="integration-list boxed-list" aria-label="Integrations">
      {query.data.map((integration) => (
        <li key={integration.id} className="integration-row">
          <div className="integration-row__main">
            <Link href={integrationHref(integration.id)} className="integration-row__name">
              {integration.name}
            </Link>
            <span className="integration-row__site">{integration.siteUrl}</span>
          </div>
          <div className="integration-row__meta">
            <span>
              {integration.deployment === null ? 'Jira' : DEPLOYMENT_LABELS[integration.deployment]}
            </span>
            <span className="muted">Checked {formatTime(integration.lastVerifiedAt)}</span>
            <StatusBadge status={integration.status} />
          </div>
        </li>
      ))}
    </ul>
  );
}
