import { Checklist } from '../components/Checklist.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { IntegrationActions } from '../components/IntegrationActions.tsx';
import { IntegrationFacts } from '../components/IntegrationFacts.tsx';
import { Link } from '../components/Link.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { SyncPanel } from '../components/SyncPanel.tsx';
import { VerificationError } from '../components/VerificationError.tsx';
import { WebhookStatus } from '../components/WebhookStatus.tsx';
import { useIntegration, useUser } from '../queries.ts';
import { issuesHref, projectsHref, rulesHref } from '../routes.ts';
import { usePageTitle } from '../use-page-title.ts';

/**
 * One integration: live status, why it failed, admin actions, its sync, what it is connected to,
 * the checklist.
 */
export function IntegrationPage(props: { id: string }) {
  const query = useIntegration(props.id);
  usePageTitle(query.data?.name ?? 'Integration');
  const user = useUser();
  if (query.isPending) return <p className="muted">Loading the integration…</p>;
  if (query.isError)
    return <ErrorNotice error={query.error} title="Could not load the integration" />;
  const integration = query.data;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/integrations">Integrations</Link> <span aria-hidden="true">›</span>{' '}
        {integration.name}
      </nav>
      <div className="page-head">
        <h1>{integration.name}</h1>
        <p className="page-head__status" aria-live="polite">
          <span className="sr-only">Status: </span>
          <StatusBadge status={integration.status} />
        </p>
      </div>
      <p className="muted site-url">{integration.siteUrl}</p>
      <p className="mirror-links">
        <Link href={issuesHref(integration.id)}>Browse issues</Link>
        <Link href={projectsHref(integration.id)}>Projects</Link>
        <Link href={rulesHref(integration.id)}>Automation rules</Link>
      </p>
      {integration.status === 'pending' ? (
        <p className="notice" role="status">
          OwlHub is verifying the connection. This page updates by itself.
        </p>
      ) : null}
      {integration.error === null ? null : <VerificationError error={integration.error} />}
      {user?.role === 'admin' ? <IntegrationActions integration={integration} /> : null}
      <SyncPanel integration={integration} />
      <IntegrationFacts integration={integration} />
      <WebhookStatus webhook={integration.webhook} />
      <section className="section" aria-labelledby="checks-heading">
        <h2 id="checks-heading">Verification</h2>
        <Checklist checks={integration.checks} />
      </section>
    </>
  );
}
