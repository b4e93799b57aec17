import { useIntegration } from '../queries.ts';
import { integrationHref } from '../routes.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Link } from './Link.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { VerificationError } from './VerificationError.tsx';

/** A just-created integration's live status: Pending until verification says Connected or Failed. */
export function IntegrationStatusCard(props: { id: string }) {
  const query = useIntegration(props.id);
  if (query.isPending) return <p className="muted">Loading the integration…</p>;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const integration = query.data;
  return (
    <section className="card status-card" aria-labelledby="status-card-heading">
      <h3 id="status-card-heading">{integration.name}</h3>
      <p aria-live="polite">
        Status: <StatusBadge status={integration.status} />
      </p>
      {integration.status === 'pending' ? (
        <p className="muted">OwlHub is verifying the connection; this page updates by itself.</p>
      ) : null}
      {integration.status === 'connected' && integration.account !== null ? (
        <p>
          Connected to {integration.siteUrl} as {integration.account.displayName}.
        </p>
      ) : null}
      {integration.error === null ? null : <VerificationError error={integration.error} />}
      <p>
        <Link href={integrationHref(integration.id)}>Open the integration</Link>
      </p>
    </section>
  );
}
