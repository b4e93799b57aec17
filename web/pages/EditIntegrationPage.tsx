import { EditIntegrationForm } from '../components/EditIntegrationForm.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Link } from '../components/Link.tsx';
import { useIntegration } from '../queries.ts';
import { integrationHref } from '../routes.ts';
import { usePageTitle } from '../use-page-title.ts';

/** Integrations › (name) › Edit. */
export function EditIntegrationPage(props: { id: string }) {
  const query = useIntegration(props.id);
  usePageTitle(`Edit ${query.data?.name ?? 'integration'}`);
  if (query.isPending) return <p className="muted">Loading the integration…</p>;
  if (query.isError)
    return <ErrorNotice error={query.error} title="Could not load the integration" />;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/integrations">Integrations</Link> <span aria-hidden="true">›</span>{' '}
        <Link href={integrationHref(props.id)}>{query.data.name}</Link>{' '}
        <span aria-hidden="true">›</span> Edit
      </nav>
      <h1>Edit {query.data.name}</h1>
      <section className="card">
        <EditIntegrationForm integration={query.data} />
      </section>
    </>
  );
}
