import type { JiraError } from '../../jira/errors.ts';
import type { IntegrationError } from '../../shared/integrations.ts';
import type { JiraCredentials } from '../input.ts';
import { describeNetworkFailure } from './diagnose-network.ts';

/** Which call of the chain failed, so the same Jira error can be explained in context. */
export type JiraCallStage = 'server_info' | 'myself' | 'permissions' | 'projects' | 'search';

const STAGE_LABEL: Record<JiraCallStage, string> = {
  server_info: 'serverInfo',
  myself: 'myself',
  permissions: 'mypermissions',
  projects: 'the project list',
  search: 'the search API',
};

/** What to tell a person about a failed Jira call (PRODUCT.md §2). */
export function describeJiraError(
  error: JiraError,
  stage: JiraCallStage,
  site: URL,
  credentials: JiraCredentials,
): IntegrationError {
  const notJira: IntegrationError = {
    code: 'not_jira',
    message: `Something answers at ${site.href}, but it is not a Jira REST API.`,
    hint: 'Enter the address you open Jira at, with its context path if it has one (for example https://jira.example.com/jira).',
  };
  switch (error.kind) {
    case 'network':
      return describeNetworkFailure(error.failure, site);
    case 'unauthorized':
      return describeRejectedCredentials(credentials);
    case 'captcha':
      return {
        code: 'captcha_required',
        message: 'Jira locked this account after failed logins and now asks for a CAPTCHA.',
        hint: 'Log in to Jira once in a browser and answer the CAPTCHA, then verify again. OwlHub stops logging in until then, so the lock does not get worse.',
      };
    case 'forbidden':
      return {
        code: 'insufficient_permissions',
        message: `Jira refused ${STAGE_LABEL[stage]} to this account (403)${firstMessage(error.messages)}.`,
        hint: 'Ask a Jira administrator to grant the account the Browse Projects permission, then verify again.',
      };
    case 'rate_limited':
      return {
        code: 'rate_limited',
        message: 'Jira asked OwlHub to slow down (429 Too Many Requests).',
        hint:
          error.retryAfterMs === undefined
            ? 'OwlHub will try again shortly; nothing to do.'
            : `OwlHub will try again in ${Math.ceil(error.retryAfterMs / 1000)} s; nothing to do.`,
      };
    case 'not_jira':
      return notJira;
    case 'not_found':
    case 'invalid_response':
      if (stage === 'server_info') return notJira;
      return unexpected(`${STAGE_LABEL[stage]} answered ${error.status} unexpectedly`);
    case 'server_error':
      return {
        code: 'jira_error',
        message: `Jira answered ${error.status} to ${STAGE_LABEL[stage]}${firstMessage(error.messages)}.`,
        hint: 'Jira is having trouble; OwlHub will verify again later. Check Atlassian status or your Jira server logs if it lasts.',
      };
    case 'gone':
    case 'bad_request':
    case 'client_error':
      return unexpected(
        `${STAGE_LABEL[stage]} answered ${error.status}${firstMessage(error.messages)}`,
      );
  }
}

/** The invalid_credentials explanation, worded for the kind of credential used. */
export function describeRejectedCredentials(credentials: JiraCredentials): IntegrationError {
  switch (credentials.authType) {
    case 'cloud_token':
      return {
        code: 'invalid_credentials',
        message: `Jira rejected the email ${credentials.email} with this API token (401).`,
        hint: 'Check that the email is the Atlassian account that created the token and that the token is still active: tokens can be revoked and now expire. Create a new one at id.atlassian.com › Security › API tokens.',
      };
    case 'personal_access_token':
      return {
        code: 'invalid_credentials',
        message: 'Jira rejected the personal access token (401).',
        hint: 'Personal access tokens expire or get revoked. Create a new one in Jira › Profile › Personal Access Tokens and enter it again.',
      };
    case 'basic_password':
      return {
        code: 'invalid_credentials',
        message: `Jira rejected the username ${credentials.username} with this password (401).`,
        hint: 'Check the username and password by logging in to Jira in a browser. Repeated failures lock the account, so OwlHub will not retry by itself.',
      };
  }
}

function unexpected(what: string): IntegrationError {
  return {
    code: 'jira_error',
    message: `Jira's ${what}.`,
    hint: 'Verify again; if it persists, contact OwlHub support with this message.',
  };
}

function firstMessage(messages: string[]): string {
  const [first] = messages;
  return first === undefined ? '' : `: ${first}`;
}
