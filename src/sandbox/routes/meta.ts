import { Hono } from 'hono';
import { ISSUE_TYPES, STATUS_CATEGORIES } from '../domain/catalog.ts';
import { formatDateTime } from '../domain/time.ts';
import { canBrowse, requireAccount } from '../http/authenticate.ts';
import type { SandboxEnv } from '../http/env.ts';
import { jiraError } from '../http/respond.ts';
import {
  renderCategory,
  renderFields,
  renderIssueType,
  renderPriorities,
  renderStatuses,
} from '../render/config.ts';
import { renderMyself } from '../render/user.ts';
import { renderContextFor, requestScope, type ApiScope } from './route-context.ts';

const PERMISSIONS: readonly (readonly [string, string, string, 'PROJECT' | 'GLOBAL'])[] = [
  ['BROWSE_PROJECTS', '10', 'Browse Projects', 'PROJECT'],
  ['CREATE_ISSUES', '11', 'Create Issues', 'PROJECT'],
  ['EDIT_ISSUES', '12', 'Edit Issues', 'PROJECT'],
  ['TRANSITION_ISSUES', '46', 'Transition Issues', 'PROJECT'],
  ['ADD_COMMENTS', '15', 'Add Comments', 'PROJECT'],
  ['ASSIGN_ISSUES', '13', 'Assign Issues', 'PROJECT'],
  ['DELETE_ISSUES', '16', 'Delete Issues', 'PROJECT'],
  ['ADMINISTER', '0', 'Administer Jira', 'GLOBAL'],
];

function serverInfo(scope: ApiScope): Record<string, unknown> {
  const { runtime } = scope;
  const now = formatDateTime(runtime.now(), runtime.options.timeZone);
  if (runtime.flavor === 'cloud') {
    return {
      baseUrl: runtime.baseUrl,
      version: '1001.0.0-SNAPSHOT',
      versionNumbers: [1001, 0, 0],
      deploymentType: 'Cloud',
      buildNumber: 100289,
      buildDate: '2025-11-03T09:10:37.000+0000',
      serverTime: now,
      scmInfo: '6bd7b44a4b5e2c1c9d6c9e0b5d1b8f3f2a7c9e41',
      serverTitle: 'Jira',
      defaultLocale: { locale: 'en_US' },
      serverTimeZone: runtime.options.timeZone,
    };
  }
  // Data Center 9.x and 10.x report "Server" here, not "DataCenter".
  return {
    baseUrl: runtime.baseUrl,
    version: '10.3.19',
    versionNumbers: [10, 3, 19],
    deploymentType: 'Server',
    buildNumber: 10030019,
    buildDate: '2026-04-03T00:00:00.000-0700',
    databaseBuildNumber: 10030019,
    serverTime: now,
    scmInfo: '95508b3a08ac0f09fbef8676c203b44bdc6e1a12',
    serverTitle: 'OwlHub Sandbox',
  };
}

/** serverInfo, myself, mypermissions and the configuration lists (issue types, statuses, priorities, fields). */
export function metaRoutes(scope: ApiScope): Hono<SandboxEnv> {
  const { runtime } = scope;
  const app = new Hono<SandboxEnv>();
  app.get('/serverInfo', (c) => c.json(serverInfo(scope)));
  app.get('/myself', (c) => {
    const account = requireAccount(c, runtime);
    if (account instanceof Response) return account;
    return c.json(renderMyself(renderContextFor(scope, account), account.user));
  });
  app.get('/mypermissions', (c) => {
    const { account } = requestScope(c, scope);
    const requested = c.req.query('permissions');
    if (requested === undefined && runtime.flavor === 'cloud')
      return jiraError(c, 400, ["The 'permissions' query parameter is required."]);
    const wanted =
      requested === undefined ? null : new Set(requested.split(',').map((p) => p.trim()));
    const projectKey = c.req.query('projectKey') ?? c.req.query('projectId');
    const project = projectKey === undefined ? undefined : runtime.store.findProject(projectKey);
    if (
      projectKey !== undefined &&
      (project === undefined || !canBrowse(runtime, account, project.id))
    ) {
      return jiraError(c, 404, [`No project could be found with key '${projectKey}'.`]);
    }
    const visible = runtime.store.projects.some((p) => canBrowse(runtime, account, p.id));
    const permissions: Record<string, unknown> = {};
    for (const [key, id, name, type] of PERMISSIONS) {
      if (wanted !== null && !wanted.has(key)) continue;
      const have = account !== null && (type === 'GLOBAL' ? account.browse === 'all' : visible);
      permissions[key] = {
        id,
        key,
        name,
        type,
        description: `Ability to ${name.toLowerCase()}.`,
        havePermission: have,
      };
    }
    return c.json({ permissions });
  });
  app.get('/issuetype', (c) =>
    c.json(ISSUE_TYPES.map((t) => renderIssueType(requestScope(c, scope).render, t))),
  );
  app.get('/status', (c) => c.json(renderStatuses(requestScope(c, scope).render)));
  app.get('/statuscategory', (c) =>
    c.json(STATUS_CATEGORIES.map((s) => renderCategory(requestScope(c, scope).render, s.id))),
  );
  app.get('/priority', (c) => c.json(renderPriorities(requestScope(c, scope).render)));
  app.get('/field', (c) => c.json(renderFields()));
  return app;
}
