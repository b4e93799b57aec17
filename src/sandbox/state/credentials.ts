import { createHash } from 'node:crypto';
import type { UserRecord } from '../domain/model.ts';
import type { Account } from '../http/accounts.ts';
import type { SandboxRuntime } from '../runtime.ts';

/** How to log in to a sandbox: email and API token on Cloud; username, password or a PAT on Data Center. */
export type SandboxCredentials =
  | {
      readonly flavor: 'cloud';
      readonly email: string;
      readonly apiToken: string;
      readonly accountId: string;
    }
  | {
      readonly flavor: 'datacenter';
      readonly username: string;
      readonly password: string;
      readonly personalAccessToken: string;
    };

function secret(seed: number, label: string, length: number): string {
  return createHash('sha256').update(`${seed}:${label}`).digest('base64url').slice(0, length);
}

/** Creates an account for a user with secrets derived from the seed, so a restarted sandbox keeps its tokens. */
export function createAccount(
  runtime: SandboxRuntime,
  user: UserRecord,
  browse: Account['browse'],
): Account {
  const { seed } = runtime.options;
  return runtime.accounts.add({
    user,
    apiToken: `ATATT3xFfGF0${secret(seed, `token:${user.id}`, 40)}`,
    password: `sandbox-${secret(seed, `password:${user.id}`, 12)}`,
    personalAccessToken: secret(seed, `pat:${user.id}`, 44),
    browse,
    revoked: false,
  });
}

/** The credentials a client needs for an account. */
export function credentialsOf(runtime: SandboxRuntime, account: Account): SandboxCredentials {
  if (runtime.flavor === 'cloud')
    return {
      flavor: 'cloud',
      email: account.user.email,
      apiToken: account.apiToken,
      accountId: account.user.id,
    };
  return {
    flavor: 'datacenter',
    username: account.user.name,
    password: account.password,
    personalAccessToken: account.personalAccessToken,
  };
}

/** Finds the account whose credentials these are. */
export function accountOf(
  runtime: SandboxRuntime,
  credentials: SandboxCredentials,
): Account | undefined {
  return runtime.accounts.accounts.find((a) =>
    credentials.flavor === 'cloud'
      ? a.apiToken === credentials.apiToken
      : a.personalAccessToken === credentials.personalAccessToken,
  );
}
