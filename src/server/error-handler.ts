import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './context.ts';
import { ApiError } from './errors.ts';

/** Answers every error in the API's shape; anything unexpected is logged and becomes a plain 500. */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof ApiError) {
    if (error.details.retryAfterSeconds !== undefined) {
      c.header('Retry-After', String(error.details.retryAfterSeconds));
    }
    return c.json(error.toBody(), error.status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's own 4xx: malformed JSON, unsupported media type, body too large.
    const body = new ApiError('invalid_input', requestProblem(error), {
      hint: 'Send a JSON body with Content-Type: application/json.',
    }).toBody();
    return c.json(body, error.status);
  }
  c.get('deps').logger.error(
    { err: error, method: c.req.method, path: c.req.path },
    'unhandled error',
  );
  return c.json(
    new ApiError('internal_error', 'Something went wrong on our side.', {
      hint: 'Try again; if it keeps failing, the server log has the details.',
    }).toBody(),
    500,
  );
};

function requestProblem(error: HTTPException): string {
  if (error.status === 415) return 'The request body must be JSON.';
  if (error.status === 413) return 'The request body is too large.';
  return error.message.length > 0
    ? `The request could not be read: ${error.message}`
    : 'The request could not be read.';
}
