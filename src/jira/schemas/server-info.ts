import { z } from 'zod';

/** `GET /rest/api/{2,3}/serverInfo`, readable anonymously; what tells a Jira from anything else. */
export const ServerInfoSchema = z.looseObject({
  baseUrl: z.string(),
  version: z.string(),
  versionNumbers: z.array(z.number()),
  // 'Cloud', 'Server' or 'DataCenter'; kept open so a new value does not make a Jira "not Jira".
  deploymentType: z.string().optional(),
  buildNumber: z.number(),
  serverTitle: z.string().optional(),
  serverTime: z.string().optional(),
});

/** A parsed serverInfo answer. */
export type ServerInfo = z.infer<typeof ServerInfoSchema>;

/** Where the site runs: Atlassian's cloud, or the customer's own Server/Data Center. */
export type Deployment = 'cloud' | 'datacenter';

/**
 * Reads the deployment from serverInfo. Real Data Center 9.x and 10.x report
 * `deploymentType: "Server"`, so Server and DataCenter both mean a self-hosted
 * Jira: API v2, PAT or Basic auth. Without the field (Atlassian's own Cloud
 * example omits it, old Servers lack it) Cloud still shows in its version,
 * 1001.0.0-SNAPSHOT, which no self-hosted release comes near.
 */
export function detectDeployment(info: ServerInfo): Deployment {
  if (info.deploymentType !== undefined) {
    return info.deploymentType === 'Cloud' ? 'cloud' : 'datacenter';
  }
  return info.version.startsWith('1001.') ? 'cloud' : 'datacenter';
}
