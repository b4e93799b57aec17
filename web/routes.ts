/** The app's pages and which path shows which. */

/** A page with the parameters its path carries. */
export type Route =
  | { page: 'home' }
  | { page: 'setup' }
  | { page: 'login' }
  | { page: 'integrations' }
  | { page: 'new-integration' }
  | { page: 'new-jira-integration' }
  | { page: 'integration'; id: string }
  | { page: 'edit-integration'; id: string }
  | { page: 'jira-settings' }
  | { page: 'users' }
  | { page: 'not-found' };

const STATIC: Record<string, Route> = {
  '/': { page: 'home' },
  '/setup': { page: 'setup' },
  '/login': { page: 'login' },
  '/integrations': { page: 'integrations' },
  '/integrations/new': { page: 'new-integration' },
  '/integrations/new/jira': { page: 'new-jira-integration' },
  '/settings': { page: 'jira-settings' },
  '/settings/jira': { page: 'jira-settings' },
  '/settings/users': { page: 'users' },
};

/** The route for `path`; unknown paths are `not-found`. */
export function matchRoute(path: string): Route {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const known = STATIC[trimmed];
  if (known) return known;
  const integration = /^\/integrations\/([^/]+)(\/edit)?$/.exec(trimmed);
  const id = integration?.[1];
  if (id === undefined) return { page: 'not-found' };
  const decoded = decodeURIComponent(id);
  return integration?.[2] === undefined
    ? { page: 'integration', id: decoded }
    : { page: 'edit-integration', id: decoded };
}

/** The path of an integration's page. */
export function integrationHref(id: string, edit = false): string {
  return `/integrations/${encodeURIComponent(id)}${edit ? '/edit' : ''}`;
}
