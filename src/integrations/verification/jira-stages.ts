import type { Dispatcher } from 'undici';
import type { JiraClient, JiraError, JiraResult, Myself, ServerInfo } from '../../jira/index.ts';
import {
  createJiraClient,
  detectDeployment,
  grantedPermissions,
  OWLHUB_PERMISSIONS,
} from '../../jira/index.ts';
import type {
  IntegrationError,
  JiraAccess,
  JiraAccount,
  JiraDeploymentInfo,
} from '../../shared/integrations.ts';
import type { JiraCredentials } from '../input.ts';
import type { Checklist } from './checklist.ts';
import { describeJiraError, describeRejectedCredentials } from './diagnose-jira.ts';
import { jiraAuthFor } from './jira-auth.ts';
import type { VerificationOutcome } from './outcome.ts';

type Failure = Extract<VerificationOutcome, { status: 'failed' }>;

/** The HTTP half of the chain: is it Jira, does the auth fit, who are we, what may we see, can we search. */
export async function runJiraStages(
  site: URL,
  credentials: JiraCredentials,
  dispatcher: Dispatcher,
  checklist: Checklist,
): Promise<VerificationOutcome> {
  const fail = (
    error: IntegrationError,
    deployment: JiraDeploymentInfo | null,
    retryAfterMs?: number,
  ): Failure => ({
    status: 'failed',
    checks: checklist.finish(),
    error,
    deployment,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
  const anonymous = createJiraClient({
    baseUrl: site,
    auth: { kind: 'anonymous' },
    apiVersion: 2,
    dispatcher,
    retry: { maxAttempts: 2 },
  });

  const info = await checklist.time<JiraResult<ServerInfo>>('jira', async () => {
    const result = await anonymous.serverInfo();
    if (!result.ok)
      return { status: 'failed', detail: `serverInfo: ${result.error.kind}`, value: result };
    const deployment = deploymentInfo(result.value);
    return {
      status: 'passed',
      detail: `Jira ${deployment.deployment} ${deployment.version} at ${deployment.baseUrl}.`,
      value: result,
    };
  });
  if (!info.value.ok) {
    const error = describeJiraError(info.value.error, 'server_info', site, credentials);
    return fail(error, null, retryAfter(info.value.error));
  }
  const deployment = deploymentInfo(info.value.value);

  const mismatch = authMismatch(deployment, credentials);
  checklist.add(
    'auth_method',
    mismatch ? 'failed' : 'passed',
    0,
    mismatch?.message ?? authDetail(credentials),
  );
  if (mismatch) return fail(mismatch, deployment);

  const client = createJiraClient({
    baseUrl: site,
    auth: jiraAuthFor(credentials),
    apiVersion: deployment.deployment === 'cloud' ? 3 : 2,
    dispatcher,
    // One attempt at /myself: repeated failed logins lock Server/DC accounts behind a CAPTCHA.
    retry: { maxAttempts: 1 },
  });
  const me = await checklist.time<JiraResult<Myself>>('credentials', async () => {
    const result = await client.myself();
    if (!result.ok)
      return { status: 'failed', detail: `myself: ${result.error.kind}`, value: result };
    if (result.meta.aUsername === 'anonymous') {
      return { status: 'failed', detail: 'Jira answered as the anonymous user.', value: result };
    }
    return { status: 'passed', detail: `Signed in as ${result.value.displayName}.`, value: result };
  });
  if (!me.value.ok)
    return fail(
      describeJiraError(me.value.error, 'myself', site, credentials),
      deployment,
      retryAfter(me.value.error),
    );
  if (me.status === 'failed') return fail(describeRejectedCredentials(credentials), deployment);
  const account = accountOf(me.value.value);

  const access = await checkAccess(client, deployment, checklist);
  if (!access.ok) return fail(access.error, deployment, access.retryAfterMs);

  const search = await checkSearch(client, deployment, access.firstProjectKey, checklist);
  if (search) return fail(search, deployment);
  return {
    status: 'connected',
    checks: checklist.finish(),
    deployment,
    account,
    access: access.value,
  };
}

type AccessResult =
  | { ok: true; value: JiraAccess; firstProjectKey: string }
  | { ok: false; error: IntegrationError; retryAfterMs?: number };

async function checkAccess(
  client: JiraClient,
  deployment: JiraDeploymentInfo,
  checklist: Checklist,
): Promise<AccessResult> {
  const site = client.baseUrl;
  const outcome = await checklist.time(
    'permissions',
    async (): Promise<{
      status: 'passed' | 'failed' | 'warning';
      detail: string;
      value: AccessResult;
    }> => {
      const permissions = await client.myPermissions({ permissions: OWLHUB_PERMISSIONS });
      if (!permissions.ok) {
        const error = describeJiraError(permissions.error, 'permissions', site, NO_CREDENTIALS);
        return {
          status: 'failed',
          detail: error.message,
          value: { ok: false, error, ...retryField(permissions.error) },
        };
      }
      const granted = grantedPermissions(permissions.value, OWLHUB_PERMISSIONS);
      const projects = await countProjects(client, deployment);
      if (!projects.ok) {
        const error = describeJiraError(projects.error, 'projects', site, NO_CREDENTIALS);
        return {
          status: 'failed',
          detail: error.message,
          value: { ok: false, error, ...retryField(projects.error) },
        };
      }
      const access = { visibleProjects: projects.count, permissions: granted };
      if (
        projects.count === 0 ||
        projects.firstKey === undefined ||
        granted.BROWSE_PROJECTS !== true
      ) {
        const error: IntegrationError = {
          code: 'insufficient_permissions',
          message: 'The account is signed in but cannot browse any project.',
          hint: 'Ask a Jira administrator to give this account the Browse Projects permission in the projects OwlHub should mirror.',
        };
        return { status: 'failed', detail: error.message, value: { ok: false, error } };
      }
      const missing = Object.entries(granted)
        .filter(([, has]) => !has)
        .map(([key]) => key);
      const detail = `${projects.count} project${projects.count === 1 ? '' : 's'} visible${missing.length > 0 ? `; missing ${missing.join(', ')} (actions needing them will fail)` : '; every permission OwlHub uses is granted'}.`;
      return {
        status: missing.length > 0 ? 'warning' : 'passed',
        detail,
        value: { ok: true, value: access, firstProjectKey: projects.firstKey },
      };
    },
  );
  return outcome.value;
}

async function countProjects(
  client: JiraClient,
  deployment: JiraDeploymentInfo,
): Promise<
  { ok: true; count: number; firstKey: string | undefined } | { ok: false; error: JiraError }
> {
  if (deployment.deployment === 'cloud') {
    const page = await client.searchProjects({ maxResults: 1 });
    if (!page.ok) return { ok: false, error: page.error };
    return {
      ok: true,
      count: page.value.total ?? page.value.values.length,
      firstKey: page.value.values[0]?.key,
    };
  }
  const list = await client.listProjects();
  if (!list.ok) return { ok: false, error: list.error };
  return { ok: true, count: list.value.length, firstKey: list.value[0]?.key };
}

async function checkSearch(
  client: JiraClient,
  deployment: JiraDeploymentInfo,
  projectKey: string,
  checklist: Checklist,
): Promise<IntegrationError | undefined> {
  const jql = `project = "${projectKey.replaceAll('"', '\\"')}"`;
  const outcome = await checklist.time('search', async () => {
    const result =
      deployment.deployment === 'cloud'
        ? await client.searchJql({ jql, maxResults: 1 })
        : await client.searchLegacy({ jql, maxResults: 1, fields: ['id'] });
    if (result.ok) {
      const api =
        deployment.deployment === 'cloud' ? '/rest/api/3/search/jql' : '/rest/api/2/search';
      return { status: 'passed', detail: `${api} answers.`, value: undefined };
    }
    const error = describeJiraError(result.error, 'search', client.baseUrl, NO_CREDENTIALS);
    return { status: 'failed', detail: error.message, value: error };
  });
  return outcome.value;
}

/** Credentials are only needed to word 401s, which cannot happen after /myself passed. */
const NO_CREDENTIALS: JiraCredentials = { authType: 'personal_access_token', token: '' };

function authMismatch(
  deployment: JiraDeploymentInfo,
  credentials: JiraCredentials,
): IntegrationError | undefined {
  if (deployment.deployment === 'cloud' && credentials.authType !== 'cloud_token') {
    return {
      code: 'invalid_input',
      message: 'This is a Jira Cloud site: it needs the account email together with an API token.',
      hint: 'Enter the User Email of your Atlassian account and an API token from id.atlassian.com › Security › API tokens.',
    };
  }
  if (deployment.deployment !== 'cloud' && credentials.authType === 'cloud_token') {
    return {
      code: 'invalid_input',
      message:
        'This is a self-hosted Jira (Server/Data Center): it takes a personal access token, or a username and password, not an email with an API token.',
      hint: 'Create a personal access token in Jira › Profile › Personal Access Tokens and enter it without an email.',
    };
  }
  return undefined;
}

function authDetail(credentials: JiraCredentials): string {
  switch (credentials.authType) {
    case 'cloud_token':
      return 'Email and API token (HTTP Basic), as Jira Cloud expects.';
    case 'personal_access_token':
      return 'Personal access token (HTTP Bearer).';
    case 'basic_password':
      return 'Username and password (HTTP Basic).';
  }
}

function deploymentInfo(info: ServerInfo): JiraDeploymentInfo {
  return {
    deployment: detectDeployment(info),
    version: info.version,
    baseUrl: info.baseUrl,
    serverTitle: info.serverTitle ?? null,
  };
}

function accountOf(me: Myself): JiraAccount {
  return {
    displayName: me.displayName,
    emailAddress: me.emailAddress ?? null,
    username: me.name ?? null,
    accountId: me.accountId ?? null,
    timeZone: me.timeZone ?? null,
  };
}

function retryAfter(error: JiraError): number | undefined {
  return error.kind === 'rate_limited' ? (error.retryAfterMs ?? 60_000) : undefined;
}

function retryField(error: JiraError): { retryAfterMs?: number } {
  const ms = retryAfter(error);
  return ms === undefined ? {} : { retryAfterMs: ms };
}
