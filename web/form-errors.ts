/** Turns an API error into messages beside the form's fields plus whatever belongs to no field. */
import { ApiError } from './api.ts';

/** Per-field messages, and the rest (keys the form has no field for, or a message without fields). */
export interface FormErrors {
  fields: Partial<Record<string, string>>;
  other: string[];
}

/** Splits `error` into messages for `known` fields and the others. */
export function toFormErrors(error: unknown, known: readonly string[]): FormErrors {
  if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0) {
    return { fields: {}, other: [] };
  }
  const fields: Partial<Record<string, string>> = {};
  const other: string[] = [];
  for (const [name, message] of Object.entries(error.fields)) {
    if (known.includes(name)) fields[name] = message;
    else other.push(message);
  }
  return { fields, other };
}
