import type { VerificationErrorCode } from '../shared/error-codes.ts';
import { netFailureCode } from '../net/index.ts';
import type { JiraError } from './errors.ts';

/**
 * The verification code (PRODUCT.md §2) for a JiraError. Context the client
 * cannot know stays with the caller: a 403 maps to insufficient_permissions,
 * a 200 as `anonymous` on /myself must be checked by the caller via meta.
 */
export function jiraErrorCode(error: JiraError): VerificationErrorCode {
  switch (error.kind) {
    case 'network':
      switch (error.failure.kind) {
        case 'too_many_redirects':
        case 'bad_redirect':
          return 'not_jira';
        case 'body_too_large':
          return 'jira_error';
        default:
          return netFailureCode(error.failure);
      }
    case 'unauthorized':
      return 'invalid_credentials';
    case 'captcha':
      return 'captcha_required';
    case 'forbidden':
      return 'insufficient_permissions';
    case 'rate_limited':
      return 'rate_limited';
    case 'not_jira':
      return 'not_jira';
    case 'not_found':
    case 'gone':
    case 'bad_request':
    case 'client_error':
    case 'server_error':
    case 'invalid_response':
      return 'jira_error';
  }
}
