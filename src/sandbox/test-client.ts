import type { Sandbox, SandboxCredentials } from './index.ts';

/** The Authorization header for credentials: Basic email:token on Cloud, Bearer PAT on Data Center. */
export function authHeader(credentials: SandboxCredentials, mode: 'pat' | 'basic' = 'pat'): string {
  if (credentials.flavor === 'cloud')
    return `Basic ${Buffer.from(`${credentials.email}:${credentials.apiToken}`).toString('base64')}`;
  if (mode === 'basic')
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  return `Bearer ${credentials.personalAccessToken}`;
}

/** A parsed response, for tests. */
export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly text: string;
}

/** Calls a sandbox as a test client would; `auth: null` sends no credentials. */
export async function call(
  sandbox: Sandbox,
  path: string,
  init: { method?: string; body?: unknown; auth?: string | null } = {},
): Promise<TestResponse> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const auth = init.auth === undefined ? authHeader(sandbox.credentials) : init.auth;
  if (auth !== null) headers.Authorization = auth;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${sandbox.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (401 text on Cloud, HTML pages): the text is the body.
  }
  return { status: response.status, headers: response.headers, body, text };
}
