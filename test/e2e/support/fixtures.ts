import type { IntegrationView, VerificationCheck } from '../../../src/shared/integrations.ts';
import { CHECK_NAMES } from '../../../src/shared/integrations.ts';

/** A connected Cloud integration as the API would show it, for pages that only render it. */
export function connectedIntegration(id = 'int-1'): IntegrationView {
  return {
    id,
    type: 'jira',
    name: 'Jira Production',
    siteUrl: 'https://acme.atlassian.net',
    deployment: 'cloud',
    authType: 'cloud_token',
    email: 'ada@acme.example',
    username: null,
    tokenHint: 'x9Qa',
    allowInsecureHttp: false,
    status: 'connected',
    error: null,
    account: {
      displayName: 'Ada Lovelace',
      emailAddress: 'ada@acme.example',
      username: null,
      accountId: '5b10ac8d82e05b22cc7d4ef5',
      timeZone: 'Europe/London',
    },
    deploymentInfo: {
      deployment: 'cloud',
      version: '1001.0.0-SNAPSHOT',
      baseUrl: 'https://acme.atlassian.net',
      serverTitle: 'Acme Jira',
    },
    access: {
      visibleProjects: 12,
      permissions: {
        BROWSE_PROJECTS: true,
        CREATE_ISSUES: true,
        ADD_COMMENTS: true,
        TRANSITION_ISSUES: false,
      },
    },
    checks: CHECK_NAMES.map((name, index): VerificationCheck => ({
      name,
      status: 'passed',
      durationMs: 5 + index * 17,
      detail: `${name} ok`,
    })),
    lastVerifiedAt: '2026-11-23T08:30:00.000Z',
    createdAt: '2026-11-23T08:29:58.000Z',
    updatedAt: '2026-11-23T08:30:00.000Z',
  };
}
