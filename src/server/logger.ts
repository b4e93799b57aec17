import type { DestinationStream, Logger } from 'pino';
import { pino } from 'pino';

/**
 * Paths whose values never reach a log line. pino's wildcards match one level, so the usual
 * nesting depths are listed explicitly.
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  ...[
    'password',
    'token',
    'apiToken',
    'accessToken',
    'secret',
    'key',
    'cookie',
    'authorization',
  ].flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

/** A pino logger at `level` that redacts credentials, writing to `destination` (stdout by default). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    base: { service: 'owlhub' },
  };
  return destination ? pino(options, destination) : pino(options);
}
