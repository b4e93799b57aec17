import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody, ApiErrorCode } from '../shared/error-codes.ts';

/** The HTTP status each API error code answers with; one short table (STYLE.md habit 4). */
const STATUS_BY_CODE: Record<ApiErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  unauthenticated: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  setup_required: 409,
  too_many_requests: 429,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  address_blocked: 422,
  dns_failed: 422,
  unreachable: 422,
  tls_error: 422,
  not_jira: 422,
  invalid_credentials: 422,
  captcha_required: 422,
  insufficient_permissions: 422,
  jira_error: 502,
};

/** An expected failure that a route answers with the API's error shape. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: {
      hint?: string;
      fields?: Record<string, string>;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = STATUS_BY_CODE[code];
  }

  /** The JSON body of PRODUCT.md §6. */
  toBody(): ApiErrorBody {
    const { hint, fields } = this.details;
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(hint === undefined ? {} : { hint }),
        ...(fields === undefined ? {} : { fields }),
      },
    };
  }
}

/** 404 for a resource that does not exist (or that the caller may not know exists). */
export function notFound(what: string): ApiError {
  return new ApiError('not_found', `${what} was not found.`);
}

/** 400 for input that failed validation, with a message per field. */
export function invalidInput(fields: Record<string, string>): ApiError {
  return new ApiError('invalid_input', 'Some fields are not valid.', {
    fields,
    hint: 'Correct the fields named in "fields" and try again.',
  });
}
