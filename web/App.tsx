import { AdminOnly } from './components/AdminOnly.tsx';
import { ErrorNotice } from './components/ErrorNotice.tsx';
import { Layout } from './components/Layout.tsx';
import { Redirect } from './components/Redirect.tsx';
import { AuditLogPage } from './pages/AuditLogPage.tsx';
import { CreateIssuePage } from './pages/CreateIssuePage.tsx';
import { EditIntegrationPage } from './pages/EditIntegrationPage.tsx';
import { IntegrationPage } from './pages/IntegrationPage.tsx';
import { IntegrationsPage } from './pages/IntegrationsPage.tsx';
import { IssuePage } from './pages/IssuePage.tsx';
import { IssuesHomePage } from './pages/IssuesHomePage.tsx';
import { IssuesPage } from './pages/IssuesPage.tsx';
import { JiraSettingsPage } from './pages/JiraSettingsPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NewIntegrationPage } from './pages/NewIntegrationPage.tsx';
import { NewJiraIntegrationPage } from './pages/NewJiraIntegrationPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ProjectsPage } from './pages/ProjectsPage.tsx';
import { RulesPage } from './pages/RulesPage.tsx';
import { SetupPage } from './pages/SetupPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';
import { useMe, useSetupOpen } from './queries.ts';
import type { Route } from './routes.ts';
import { matchRoute } from './routes.ts';
import { usePath } from './router.ts';
import './mirror.css';

/** Decides between setup, login and the logged-in pages, then shows the page for the path. */
export function App() {
  const me = useMe();
  const setupOpen = useSetupOpen(me.data === null);
  const route = matchRoute(usePath());
  if (me.isPending) return <p className="loading">Loading…</p>;
  if (me.isError) {
    return (
      <main className="auth">
        <ErrorNotice error={me.error} title="OwlHub could not be reached" />
      </main>
    );
  }
  if (me.data === null) {
    if (route.page === 'login') return <LoginPage />;
    if (setupOpen.isPending) return <p className="loading">Loading…</p>;
    // Without an answer, Log in is the likelier page: setup is open only on a brand-new OwlHub.
    return setupOpen.data === true ? <SetupPage /> : <LoginPage />;
  }
  return <Layout user={me.data}>{pageFor(route)}</Layout>;
}

function pageFor(route: Route) {
  switch (route.page) {
    case 'home':
    case 'setup':
    case 'login':
      return <Redirect to="/integrations" />;
    case 'integrations':
      return <IntegrationsPage />;
    case 'new-integration':
      return (
        <AdminOnly>
          <NewIntegrationPage />
        </AdminOnly>
      );
    case 'new-jira-integration':
      return (
        <AdminOnly>
          <NewJiraIntegrationPage />
        </AdminOnly>
      );
    case 'integration':
      return <IntegrationPage id={route.id} />;
    case 'edit-integration':
      return (
        <AdminOnly>
          <EditIntegrationPage id={route.id} />
        </AdminOnly>
      );
    case 'issues-home':
      return <IssuesHomePage />;
    case 'issues':
      return <IssuesPage id={route.id} />;
    case 'create-issue':
      return <CreateIssuePage id={route.id} />;
    case 'audit':
      return (
        <AdminOnly>
          <AuditLogPage />
        </AdminOnly>
      );
    case 'issue':
      return <IssuePage id={route.id} issueKey={route.key} />;
    case 'projects':
      return <ProjectsPage id={route.id} />;
    case 'rules':
      return <RulesPage id={route.id} />;
    case 'jira-settings':
      return <JiraSettingsPage />;
    case 'users':
      return (
        <AdminOnly>
          <UsersPage />
        </AdminOnly>
      );
    case 'not-found':
      return <NotFoundPage />;
  }
}
