import { Link } from '../components/Link.tsx';
import { usePageTitle } from '../use-page-title.ts';

/** Integrations › Add New Integration: choose the integration type (Jira is the one there is). */
export function NewIntegrationPage() {
  usePageTitle('Add New Integration');
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/integrations">Integrations</Link> <span aria-hidden="true">›</span> Add New
        Integration
      </nav>
      <h1>Add New Integration</h1>
      <p className="lead">Choose the integration type.</p>
      <ul className="type-choices" aria-label="Integration type">
        <li>
          <Link href="/integrations/new/jira" className="type-choice">
            <span className="type-choice__name">Jira</span>
            <span className="type-choice__text">Jira Cloud, Server or Data Center</span>
          </Link>
        </li>
      </ul>
    </>
  );
}
