import { useState } from 'react';
import { ConnectTokenForm } from '../components/ConnectTokenForm.tsx';
import { IntegrationList } from '../components/IntegrationList.tsx';
import { IntegrationStatusCard } from '../components/IntegrationStatusCard.tsx';
import { SettingsNav } from '../components/SettingsNav.tsx';
import { TipsPanels } from '../components/TipsPanels.tsx';
import { useUser } from '../queries.ts';
import { usePageTitle } from '../use-page-title.ts';

const TOKEN_DOCS =
  'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/';

/** Settings › Jira Integration: "Connect using API Token" as PRODUCT.md §1A describes it. */
export function JiraSettingsPage() {
  usePageTitle('Jira Integration');
  const user = useUser();
  const [createdId, setCreatedId] = useState<string | null>(null);
  return (
    <>
      <SettingsNav />
      <h1>Jira Integration</h1>
      <p className="lead">
        Connect and synchronize your Jira account with OwlHub, so that Jira&apos;s data flows here
        and you can act on it from both sides.
      </p>
      <section className="card" aria-labelledby="connect-heading">
        <h2 id="connect-heading">Connect using API Token</h2>
        <p className="instruction">
          You can use Jira&apos;s API token to connect your application. For more info, click{' '}
          <a href={TOKEN_DOCS} target="_blank" rel="noreferrer">
            here
          </a>
          .
        </p>
        <p className="reminder" role="note">
          An API Token has access to only a single organization in Jira. Please make sure you enter
          the correct API Token here.
        </p>
        {user?.role === 'admin' ? (
          <ConnectTokenForm onCreated={(integration) => setCreatedId(integration.id)} />
        ) : (
          <p className="muted">Only admins can connect Jira. Ask an admin of this OwlHub.</p>
        )}
        {createdId === null ? null : <IntegrationStatusCard id={createdId} />}
      </section>
      <TipsPanels />
      <section aria-labelledby="existing-heading" className="section">
        <h2 id="existing-heading">Your Jira integrations</h2>
        <IntegrationList />
      </section>
    </>
  );
}
