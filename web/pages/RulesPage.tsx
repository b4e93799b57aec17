import { useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Link } from '../components/Link.tsx';
import { RuleEditor } from '../components/RuleEditor.tsx';
import { RuleItem } from '../components/RuleItem.tsx';
import { useIntegration, useUser } from '../queries.ts';
import { integrationHref } from '../routes.ts';
import { useRules } from '../rule-queries.ts';
import { usePageTitle } from '../use-page-title.ts';
import '../rules.css';

/** An integration's automation rules with their run logs; admins add, change and delete rules. */
export function RulesPage(props: { id: string }) {
  const { id } = props;
  usePageTitle('Automation rules');
  const user = useUser();
  const integration = useIntegration(id);
  const rules = useRules(id);
  const [editing, setEditing] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/integrations">Integrations</Link> <span aria-hidden="true">›</span>{' '}
        <Link href={integrationHref(id)}>{integration.data?.name ?? 'Integration'}</Link>{' '}
        <span aria-hidden="true">›</span> Rules
      </nav>
      <h1>Automation rules</h1>
      <p className="muted">
        A rule runs its actions, in order, when a Jira event matches its trigger or when it is run
        by API. Every run is logged with its outcome.
      </p>
      {created === null ? null : (
        <div className="notice" role="status">
          <p className="notice__title">Rule {created.name} saved.</p>
          <p>
            Its events are signed (X-OwlHub-Signature) with this secret, shown only now:{' '}
            <code className="secret">{created.secret}</code>
          </p>
        </div>
      )}
      {user?.role !== 'admin' ? null : editing ? (
        <section className="section" aria-labelledby="new-rule-heading">
          <h2 id="new-rule-heading">New rule</h2>
          <RuleEditor
            integrationId={id}
            onCancel={() => setEditing(false)}
            onSaved={({ rule, signingSecret }) => {
              setEditing(false);
              if (signingSecret !== null) setCreated({ name: rule.name, secret: signingSecret });
            }}
          />
        </section>
      ) : (
        <p>
          <button type="button" className="button" onClick={() => setEditing(true)}>
            New rule
          </button>
        </p>
      )}
      {rules.isPending ? <p className="muted">Loading the rules…</p> : null}
      {rules.isError ? <ErrorNotice error={rules.error} title="Could not load the rules" /> : null}
      {rules.data?.length === 0 ? <p>No rules yet.</p> : null}
      {rules.data === undefined || rules.data.length === 0 ? null : (
        <ul className="rule-list" aria-label="Rules">
          {rules.data.map((rule) => (
            <RuleItem key={rule.id} integrationId={id} rule={rule} />
          ))}
        </ul>
      )}
    </>
  );
}
