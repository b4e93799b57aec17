/** The create form's values: what is still missing, and what to send. */
import type { CreateField } from '../src/shared/actions.ts';

/** A form value: text for most fields, chosen ids for multi-selects. */
export type FormValue = string | string[];

/** Whether a value counts as given. */
export function isFilled(value: FormValue | undefined): boolean {
  if (value === undefined) return false;
  return Array.isArray(value) ? value.length > 0 : value.trim() !== '';
}

/** Required fields (without a Jira default) still empty, each with the message to show beside it. */
export function missingRequired(
  fields: readonly CreateField[],
  values: Readonly<Record<string, FormValue>>,
): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const field of fields) {
    if (field.required && !field.hasDefaultValue && !isFilled(values[field.id]))
      missing[field.id] = `${field.name} is required.`;
  }
  return missing;
}

/** The `fields` of the create request: filled values only, numbers as numbers. */
export function fieldsToSend(
  fields: readonly CreateField[],
  values: Readonly<Record<string, FormValue>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.id];
    if (value === undefined || !isFilled(value)) continue;
    out[field.id] = field.type === 'number' && typeof value === 'string' ? Number(value) : value;
  }
  return out;
}
