import type { z } from 'zod';
import { invalidInput } from './errors.ts';

/** Turns failed request validation into 400 invalid_input with one message per field. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError },
): void {
  if (result.success) return;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length === 0 ? 'body' : issue.path.map(String).join('.');
    fields[field] ??=
      issue.code === 'invalid_type' && issue.input === undefined
        ? 'This field is required.'
        : issue.message;
  }
  throw invalidInput(fields);
}
