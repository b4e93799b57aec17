import type { JiraResult } from '../errors.ts';
import {
  MyPermissionsSchema,
  OWLHUB_PERMISSIONS,
  type MyPermissions,
} from '../schemas/permissions.ts';
import { ServerInfoSchema, type ServerInfo } from '../schemas/server-info.ts';
import { MyselfSchema, type Myself } from '../schemas/user.ts';
import type { Transport } from '../transport.ts';

/** Who and what the client talks to. */
export interface IdentityEndpoints {
  /**
   * `GET serverInfo`. Sent without credentials unless `authenticated` is set:
   * it is readable anonymously, and a failed login on Server/DC counts towards
   * the CAPTCHA lockout. 404 and JSON that is not serverInfo are `not_jira`.
   */
  serverInfo(options?: { authenticated?: boolean }): Promise<JiraResult<ServerInfo>>;
  /** `GET myself`: the only call that proves the credentials (others may answer as anonymous). */
  myself(): Promise<JiraResult<Myself>>;
  /** `GET mypermissions?permissions=…` (Cloud requires the list), optionally for one project. */
  myPermissions(options?: {
    permissions?: readonly string[];
    projectKey?: string;
  }): Promise<JiraResult<MyPermissions>>;
}

/** Binds the identity endpoints to a transport. */
export function identityEndpoints(transport: Transport): IdentityEndpoints {
  return {
    async serverInfo(options = {}) {
      const result = await transport.json(
        {
          method: 'GET',
          segments: ['serverInfo'],
          idempotent: true,
          anonymous: options.authenticated !== true,
        },
        ServerInfoSchema,
      );
      if (result.ok) {
        return result;
      }
      const { error } = result;
      // On the serverInfo path these mean "no Jira REST API here", not a Jira error.
      if (error.kind === 'not_found' || error.kind === 'invalid_response') {
        const reason = error.kind === 'not_found' ? 'server_info_missing' : 'unexpected_json';
        return { ...result, error: { kind: 'not_jira', status: error.status, reason } };
      }
      return result;
    },
    myself: () =>
      transport.json({ method: 'GET', segments: ['myself'], idempotent: true }, MyselfSchema),
    myPermissions: (options = {}) =>
      transport.json(
        {
          method: 'GET',
          segments: ['mypermissions'],
          query: {
            permissions: options.permissions ?? OWLHUB_PERMISSIONS,
            projectKey: options.projectKey,
          },
          idempotent: true,
        },
        MyPermissionsSchema,
      ),
  };
}
