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
  | { page: 'issues-home' }
  | { page: 'issues'; id: string }
  | { page: 'issue'; id: string; key: string }
  | { page: 'projects'; id: string }
  | { page: 'jira-settings' }
  | { page: 'users' }
  | { page: 'audit' }
  | { page: 'create-issue'; id: string }
  | { page: 'rules'; id: string }
  | { page: 'not-found' };

const STATIC: Record<string, Route> = {
  '/': { page: 'home' },
  '/setup': { page: 'setup' },
  '/login': { page: 'login' },
  '/integrations': { page: 'integrations' },
  '/integrations/new': { page: 'new-integration' },
  '/integrations/new/jira': { page: 'new-jira-integration' },
  '/issues': { page: 'issues-home' },
  '/settings': { page: 'jira-settings' },
  '/settings/jira': { page: 'jira-settings' },
  '/settings/users': { page: 'users' },
  '/settings/audit': { page: 'audit' },
};

/** The route for `path`; unknown paths are `not-found`. */
export function matchRoute(path: string): Route {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const known = STATIC[trimmed];
  if (known) return known;
  const create = /^\/integrations\/([^/]+)\/create-issue$/.exec(trimmed)?.[1];
  const createFor = create === undefined ? null : decodeSegment(create);
  if (createFor !== null) return { page: 'create-issue', id: createFor };
  const rules = /^\/integrations\/([^/]+)\/rules$/.exec(trimmed)?.[1];
  const rulesFor = rules === undefined ? null : decodeSegment(rules);
  if (rulesFor !== null) return { page: 'rules', id: rulesFor };
  const mirror = matchMirrorRoute(trimmed);
  if (mirror !== null) return mirror;
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

const MIRROR = /^\/integrations\/([^/]+)\/(issues|projects)(?:\/([^/]+))?$/;

/** The mirror browser's routes: an integration's issues, one issue, its projects. */
function matchMirrorRoute(path: string): Route | null {
  const match = MIRROR.exec(path);
  const [, id, section, key] = match ?? [];
  const integrationId = id === undefined ? null : decodeSegment(id);
  if (integrationId === null) return null;
  if (section === 'projects')
    return key === undefined ? { page: 'projects', id: integrationId } : null;
  if (key === undefined) return { page: 'issues', id: integrationId };
  const issueKey = decodeSegment(key);
  return issueKey === null ? null : { page: 'issue', id: integrationId, key: issueKey };
}

/** A path segment decoded, or null when its %-escapes are malformed (a mistyped URL is not a crash). */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The path of an integration's issue list, with the view's query string (see issue-filter.ts). */
export function issuesHref(id: string, query = ''): string {
  return `/integrations/${encodeURIComponent(id)}/issues${query}`;
}

/** The path of one issue's page. */
export function issueHref(id: string, key: string): string {
  return `/integrations/${encodeURIComponent(id)}/issues/${encodeURIComponent(key)}`;
}

/** The path of the page that creates an issue through an integration. */
export function createIssueHref(id: string): string {
  return `/integrations/${encodeURIComponent(id)}/create-issue`;
}

/** The path of an integration's project list. */
export function projectsHref(id: string): string {
  return `/integrations/${encodeURIComponent(id)}/projects`;
}

/** The path of an integration's automation rules. */
export function rulesHref(id: string): string {
  return `/integrations/${encodeURIComponent(id)}/rules`;
}
