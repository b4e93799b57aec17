import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { SandboxRuntime } from '../runtime.ts';
import type { SandboxEnv } from './env.ts';

/** Jira's ErrorCollection body. */
export function errorCollection(
  messages: readonly string[],
  errors: Record<string, string> = {},
): { errorMessages: readonly string[]; errors: Record<string, string> } {
  return { errorMessages: messages, errors };
}

/** Answers with Jira's ErrorCollection. */
export function jiraError(
  c: Context<SandboxEnv>,
  status: ContentfulStatusCode,
  messages: readonly string[],
  errors: Record<string, string> = {},
): Response {
  return c.json(errorCollection(messages, errors), status);
}

/** Answers 401 as Jira's authentication filter does: plain text on Cloud, JSON on Data Center. */
export function unauthorized(c: Context<SandboxEnv>, runtime: SandboxRuntime): Response {
  const message = 'Client must be authenticated to access this resource.';
  if (runtime.flavor === 'cloud') {
    c.header('WWW-Authenticate', 'Basic realm="protected-area"');
    return c.text(message, 401);
  }
  c.header('WWW-Authenticate', `OAuth realm="${runtime.baseUrl}"`);
  return c.json({ message, 'status-code': 401 }, 401);
}

/** Reads a JSON body and parses it with the schema; a Response is the 400 Jira would answer. */
export async function readBody<T>(
  c: Context<SandboxEnv>,
  schema: z.ZodType<T>,
): Promise<T | Response> {
  const text = await c.req.text();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return jiraError(c, 400, [
      text.trim() === ''
        ? 'No content to map to Object due to end of input'
        : 'Unexpected character in JSON body.',
    ]);
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.join('.') || 'body'] = issue.message;
  return jiraError(c, 400, [], errors);
}

/** Reads a non-negative integer query parameter, or the fallback when absent or malformed. */
export function intParam(value: string | undefined, fallback: number): number {
  if (value === undefined || !/^-?\d+$/.test(value)) return fallback;
  return Number(value);
}
