import type { Context, MiddlewareHandler } from 'hono';
import type { SandboxRuntime } from '../runtime.ts';
import type { Account, Identity } from './accounts.ts';
import type { SandboxEnv } from './env.ts';
import { jiraError, unauthorized } from './respond.ts';

function identify(runtime: SandboxRuntime, header: string | undefined): Identity {
  const anonymous: Identity = { kind: 'anonymous', failedLogin: false };
  if (header === undefined) return anonymous;
  const [scheme = '', credentials = ''] = header.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer') {
    // Cloud has no personal access tokens; a bearer there is an OAuth token the sandbox never issues.
    return runtime.flavor === 'datacenter'
      ? runtime.accounts.loginWithPat(credentials)
      : { kind: 'anonymous', failedLogin: true };
  }
  if (scheme.toLowerCase() !== 'basic') return anonymous;
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // Malformed credentials are ignored, and the request is served as anonymous, as Jira does.
  if (colon < 0) return anonymous;
  const login = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  return runtime.flavor === 'cloud'
    ? runtime.accounts.loginWithToken(login, secret)
    : runtime.accounts.loginWithPassword(login, secret);
}

/** Authenticates every request; failed logins continue as anonymous, a CAPTCHA lockout answers 403. */
export function authenticate(runtime: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const identity = identify(runtime, c.req.header('authorization'));
    if (identity.kind === 'captcha') {
      c.header('X-Seraph-LoginReason', 'AUTHENTICATION_DENIED');
      c.header(
        'X-Authentication-Denied-Reason',
        `CAPTCHA_CHALLENGE; login-url=${runtime.baseUrl}/login.jsp`,
      );
      c.header('WWW-Authenticate', `OAuth realm="${runtime.baseUrl}"`);
      return c.html(
        '<html><body>Basic Authentication Failure - Reason : AUTHENTICATION_DENIED</body></html>',
        403,
      );
    }
    c.set('identity', identity);
    if (identity.kind === 'user') {
      c.header('X-Seraph-LoginReason', 'OK');
      if (runtime.flavor === 'cloud') c.header('X-AACCOUNTID', identity.account.user.id);
    } else if (identity.failedLogin) {
      c.header('X-Seraph-LoginReason', 'AUTHENTICATED_FAILED');
    }
    if (runtime.flavor === 'datacenter')
      c.header('X-AUSERNAME', identity.kind === 'user' ? identity.account.user.name : 'anonymous');
    await next();
  };
}

/** The account behind a request, or the 401 Jira answers where a user is required. */
export function requireAccount(
  c: Context<SandboxEnv>,
  runtime: SandboxRuntime,
): Account | Response {
  const identity = c.get('identity');
  return identity.kind === 'user' ? identity.account : unauthorized(c, runtime);
}

/** For operations that change data: the account, or the 401 ErrorCollection Jira's resources answer to anonymous callers. */
export function requireWriter(c: Context<SandboxEnv>): Account | Response {
  const identity = c.get('identity');
  if (identity.kind === 'user') return identity.account;
  return jiraError(c, 401, [
    'You are not authenticated. Authentication required to perform this operation.',
  ]);
}

/** The account behind a request, or null for anonymous. */
export function currentAccount(c: Context<SandboxEnv>): Account | null {
  const identity = c.get('identity');
  return identity.kind === 'user' ? identity.account : null;
}

/** Whether the request's identity may browse a project. */
export function canBrowse(
  runtime: SandboxRuntime,
  account: Account | null,
  projectId: number,
): boolean {
  if (account === null) return runtime.anonymousBrowse;
  if (account.browse === 'all') return true;
  const key = runtime.store.projectById(projectId)?.key;
  return key !== undefined && account.browse.includes(key);
}
