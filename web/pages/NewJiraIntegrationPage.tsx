import { JiraIntegrationForm } from '../components/JiraIntegrationForm.tsx';
import { Link } from '../components/Link.tsx';
import { usePageTitle } from '../use-page-title.ts';

/** Integrations › Add New Integration › Jira (PRODUCT.md §1B). */
export function NewJiraIntegrationPage() {
  usePageTitle('Add a Jira integration');
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/integrations">Integrations</Link> <span aria-hidden="true">›</span>{' '}
        <Link href="/integrations/new">Add New Integration</Link> <span aria-hidden="true">›</span>{' '}
        Jira
      </nav>
      <h1>Add a Jira integration</h1>
      <p className="lead">
        OwlHub checks the site as you type its URL, and asks for what that kind of Jira needs.
      </p>
      <section className="card">
        <JiraIntegrationForm />
      </section>
    </>
  );
}
