/** Error codes shared by the server, the web app and the CLI. Types and constants only. */

/** Why a Jira connection could not be verified (PRODUCT.md §2). */
export const VERIFICATION_ERROR_CODES = [
  'invalid_input',
  'address_blocked',
  'dns_failed',
  'unreachable',
  'tls_error',
  'not_jira',
  'invalid_credentials',
  'captcha_required',
  'insufficient_permissions',
  'rate_limited',
  'jira_error',
] as const;

/** A verification failure code. */
export type VerificationErrorCode = (typeof VERIFICATION_ERROR_CODES)[number];

/** Every code the HTTP API can answer with in `{error: {code}}`. */
export const API_ERROR_CODES = [
  ...VERIFICATION_ERROR_CODES,
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'setup_required',
  'too_many_requests',
  'payload_too_large',
  'internal_error',
] as const;

/** An HTTP API error code. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The one error shape on the wire (PRODUCT.md §6). */
export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    hint?: string;
    fields?: Record<string, string>;
  };
}
