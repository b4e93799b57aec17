/** How the client authenticates; Cloud needs email + API token, Server/DC a PAT or username + password. */
export type JiraAuth =
  | { kind: 'cloud_basic'; email: string; apiToken: string }
  | { kind: 'bearer'; token: string }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'anonymous' };

// Header values with control characters make undici throw errors that quote the value.
function hasControlCharacter(value: string): boolean {
  return Array.from(value).some((char) => {
    const code = char.charCodeAt(0);
    return code < 0x20 || code === 0x7f;
  });
}

function basic(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`, 'utf8').toString('base64')}`;
}

/**
 * Checks the credentials can be sent at all; throws a TypeError naming the
 * field (never its value), because a caller passing such values is a bug.
 */
export function assertSendableAuth(auth: JiraAuth): void {
  const fail = (field: string, why: string): never => {
    throw new TypeError(`Jira auth ${auth.kind}: ${field} ${why}`);
  };
  const check = (field: string, value: string): void => {
    if (value === '' || value !== value.trim()) fail(field, 'is empty or padded with whitespace');
    if (hasControlCharacter(value)) fail(field, 'contains control characters');
  };
  switch (auth.kind) {
    case 'cloud_basic':
      check('email', auth.email);
      check('apiToken', auth.apiToken);
      return;
    case 'bearer':
      check('token', auth.token);
      return;
    case 'basic':
      check('username', auth.username);
      check('password', auth.password);
      // RFC 7617: the user-id of Basic auth cannot contain a colon.
      if (auth.username.includes(':')) fail('username', 'contains a colon');
      return;
    case 'anonymous':
      return;
  }
}

/** The Authorization header for these credentials, empty for anonymous. */
export function authorizationHeaders(auth: JiraAuth): Record<string, string> {
  switch (auth.kind) {
    case 'cloud_basic':
      return { authorization: basic(auth.email, auth.apiToken) };
    case 'basic':
      return { authorization: basic(auth.username, auth.password) };
    case 'bearer':
      return { authorization: `Bearer ${auth.token}` };
    case 'anonymous':
      return {};
  }
}
