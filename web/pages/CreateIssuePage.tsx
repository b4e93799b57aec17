import { useState } from 'react';
import { useCreateFields, useCreateIssueTypes } from '../action-queries.ts';
import { CreateIssueForm } from '../components/CreateIssueForm.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Field } from '../components/Field.tsx';
import { Link } from '../components/Link.tsx';
import { useProjects } from '../mirror-queries.ts';
import { useIntegration, useUser } from '../queries.ts';
import { integrationHref, issuesHref } from '../routes.ts';
import { usePageTitle } from '../use-page-title.ts';

/** Create an issue in Jira: pick a project and an issue type, then fill the form Jira's create screen calls for. */
export function CreateIssuePage(props: { id: string }) {
  const { id } = props;
  usePageTitle('Create issue');
  const user = useUser();
  const integration = useIntegration(id);
  const projects = useProjects(id);
  const [project, setProject] = useState('');
  const [issueTypeId, setIssueTypeId] = useState('');
  const types = useCreateIssueTypes(id, project);
  const fields = useCreateFields(id, project, issueTypeId);
  const name = integration.data?.name ?? 'Integration';
  const breadcrumb = (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link href="/integrations">Integrations</Link> <span aria-hidden="true">›</span>{' '}
      <Link href={integrationHref(id)}>{name}</Link> <span aria-hidden="true">›</span>{' '}
      <Link href={issuesHref(id)}>Issues</Link> <span aria-hidden="true">›</span> Create issue
    </nav>
  );
  if (user?.role === 'viewer')
    return (
      <>
        {breadcrumb}
        <h1>Create issue</h1>
        <p>
          Viewers read the mirror; members and admins act on Jira. Ask an admin for the member role.
        </p>
      </>
    );
  return (
    <>
      {breadcrumb}
      <h1>Create issue</h1>
      <div className="form">
        <Field id="create-project" label="Project">
          <select
            id="create-project"
            value={project}
            onChange={(e) => {
              setProject(e.target.value);
              setIssueTypeId('');
            }}
          >
            <option value="">Choose a project…</option>
            {(projects.data ?? [])
              .filter((p) => p.key !== null)
              .map((p) => (
                <option key={p.id} value={p.key ?? ''}>
                  {p.name} ({p.key})
                </option>
              ))}
          </select>
        </Field>
        {project === '' ? null : (
          <Field id="create-issuetype" label="Issue type">
            <select
              id="create-issuetype"
              value={issueTypeId}
              onChange={(e) => setIssueTypeId(e.target.value)}
            >
              <option value="">{types.isPending ? 'Loading…' : 'Choose an issue type…'}</option>
              {(types.data ?? []).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      {projects.isError ? (
        <ErrorNotice error={projects.error} title="Could not load projects" />
      ) : null}
      {types.isError ? (
        <ErrorNotice error={types.error} title="Could not load issue types" />
      ) : null}
      {fields.isError ? <ErrorNotice error={fields.error} title="Could not load the form" /> : null}
      {fields.data === undefined ? null : (
        <CreateIssueForm
          key={`${project}/${issueTypeId}`}
          id={id}
          projectKey={project}
          issueTypeId={issueTypeId}
          fields={fields.data}
        />
      )}
    </>
  );
}
