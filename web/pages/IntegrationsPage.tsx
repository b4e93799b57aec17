import { IntegrationList } from '../components/IntegrationList.tsx';
import { Link } from '../components/Link.tsx';
import { useUser } from '../queries.ts';
import { usePageTitle } from '../use-page-title.ts';

/** Integrations: the list with status badges, and Add New Integration for admins. */
export function IntegrationsPage() {
  usePageTitle('Integrations');
  const user = useUser();
  return (
    <>
      <div className="page-head">
        <h1>Integrations</h1>
        {user?.role === 'admin' ? (
          <Link href="/integrations/new" className="button">
            Add New Integration
          </Link>
        ) : null}
      </div>
      <IntegrationList />
    </>
  );
}
