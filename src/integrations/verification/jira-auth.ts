import type { JiraAuth } from '../../jira/index.ts';
import type { JiraCredentials } from '../input.ts';

/** The Jira client's auth for stored credentials. */
export function jiraAuthFor(credentials: JiraCredentials): JiraAuth {
  switch (credentials.authType) {
    case 'cloud_token':
      return { kind: 'cloud_basic', email: credentials.email, apiToken: credentials.token };
    case 'personal_access_token':
      return { kind: 'bearer', token: credentials.token };
    case 'basic_password':
      return { kind: 'basic', username: credentials.username, password: credentials.password };
  }
}
