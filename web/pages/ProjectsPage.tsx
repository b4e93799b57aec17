import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Link } from '../components/Link.tsx';
import { writeIssueListView } from '../issue-filter.ts';
import { useProjects } from '../mirror-queries.ts';
import { useIntegration } from '../queries.ts';
import { integrationHref, issuesHref } from '../routes.ts';
import { usePageTitle } from '../use-page-title.ts';

/** An integration's mirrored projects, each linking to its issues. */
export function ProjectsPage(props: { id: string }) {
  const { id } = props;
  const integration = useIntegration(id);
  const name = integration.data?.name ?? 'Integration';
  usePageTitle(`Projects · ${name}`);
  const projects = useProjects(id);
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/integrations">Integrations</Link> <span aria-hidden="true">›</span>{' '}
        <Link href={integrationHref(id)}>{name}</Link> <span aria-hidden="true">›</span> Projects
      </nav>
      <div className="page-head">
        <h1>Projects</h1>
        <Link href={issuesHref(id)}>All issues</Link>
      </div>
      {projects.isPending ? (
        <p className="muted">Loading projects…</p>
      ) : projects.isError ? (
        <ErrorNotice error={projects.error} title="Could not load the projects" />
      ) : projects.data.length === 0 ? (
        <p className="empty">No projects mirrored yet. A sync fills the mirror.</p>
      ) : (
        <ul className="project-list boxed-list" aria-label="Projects">
          {projects.data.map((project) => (
            <li key={project.id} className="project-row">
              <span className="project-row__key">{project.key ?? '—'}</span>
              <span className="project-row__name">{project.name}</span>
              {project.key === null ? null : (
                <Link
                  href={issuesHref(
                    id,
                    writeIssueListView({
                      project: project.key,
                      status: '',
                      assignee: '',
                      q: '',
                      cursors: [],
                    }),
                  )}
                  aria-label={`Issues of ${project.name}`}
                >
                  Issues
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
