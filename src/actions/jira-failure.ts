import type { JiraError, JiraResult } from '../jira/index.ts';
import { ApiError } from '../server/errors.ts';

function jiraSays(messages: string[], fallback: string): string {
  return messages.length > 0 ? `Jira says: ${messages.join(' ')}` : fallback;
}

/** The API error a failed Jira write or read amounts to; Jira's per-field messages become `fields`. */
export function jiraFailure(error: JiraError): ApiError {
  switch (error.kind) {
    case 'bad_request':
      return new ApiError('invalid_input', jiraSays(error.messages, 'Jira refused the input.'), {
        ...(Object.keys(error.fieldErrors).length > 0 ? { fields: error.fieldErrors } : {}),
        hint: 'Correct the fields Jira named and try again.',
      });
    case 'not_found':
      return new ApiError(
        'not_found',
        jiraSays(error.messages, 'Jira has no such issue or project.'),
        {
          hint: 'Check the key, and that the Jira account can see it.',
        },
      );
    case 'unauthorized':
    case 'captcha':
      return new ApiError(
        'invalid_credentials',
        'Jira refused the credentials of this integration.',
        {
          hint: 'Replace the token of the integration.',
        },
      );
    case 'forbidden':
      return new ApiError(
        'insufficient_permissions',
        jiraSays(error.messages, 'The Jira account may not do this.'),
        { hint: 'Ask a Jira admin to grant the permission to the account OwlHub uses.' },
      );
    case 'rate_limited':
      return new ApiError('rate_limited', 'Jira is rate limiting requests.', {
        hint: 'Try again shortly.',
        ...(error.retryAfterMs === undefined
          ? {}
          : { retryAfterSeconds: Math.ceil(error.retryAfterMs / 1000) }),
      });
    case 'network':
      return new ApiError('unreachable', `Jira could not be reached (${error.failure.kind}).`, {
        hint: 'Check that the Jira site is up and reachable from OwlHub.',
      });
    case 'gone':
    case 'client_error':
    case 'server_error':
      return new ApiError('jira_error', jiraSays(error.messages, `Jira answered ${error.status}.`));
    case 'not_jira':
    case 'invalid_response':
      return new ApiError('jira_error', `Jira answered something unexpected (${error.kind}).`);
  }
}

/** The value of a Jira result, or its failure thrown as an API error. */
export function valueOf<T>(result: JiraResult<T>): T {
  if (!result.ok) throw jiraFailure(result.error);
  return result.value;
}
