import { z } from '@hono/zod-openapi';
import { API_ERROR_CODES } from '../shared/error-codes.ts';

/** The one error body of every failing API call. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      message: z.string(),
      hint: z.string().optional(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi('Error');

/** Standard error responses to list on a route. */
export const errorResponses = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: 'Not logged in', content: { 'application/json': { schema: ErrorSchema } } },
  403: {
    description: 'Role too low or CSRF token missing',
    content: { 'application/json': { schema: ErrorSchema } },
  },
} as const;

/** An OwlHub role. */
export const RoleSchema = z.enum(['admin', 'member', 'viewer']).openapi('Role');

/** An account as the API shows it. */
export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    createdAt: z.string(),
  })
  .openapi('User');

/** An email, trimmed and lower-cased so that lookups match. */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }));

/** A person's display name. */
export const NameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(200, 'Use at most 200 characters.');

/** A new password; never trimmed (spaces may be part of it). */
export const PasswordSchema = z
  .string()
  .min(12, 'Use at least 12 characters.')
  .max(1024, 'Use at most 1024 characters.');

/** A resource id in a path. */
export const IdParamSchema = z.object({ id: z.string().min(1).max(100) });
