import { commentBody } from '../jira/index.ts';
import type { CreateField } from '../shared/actions.ts';

/** What a client may send for a field: form values (text, numbers, lists) or Jira's own JSON. */
export type FieldInput = unknown;

/** Jira's representation of the fields, or a message per field that cannot be converted. */
export type ConvertedFields =
  { ok: true; fields: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

type Converted = { ok: true; value: unknown } | { ok: false; message: string };

const ok = (value: unknown): Converted => ({ ok: true, value });
const fail = (message: string): Converted => ({ ok: false, message });

/** A list from a JSON array of strings or from text split at `separator`. */
function words(input: unknown, separator: RegExp): string[] | null {
  if (typeof input === 'string')
    return input
      .split(separator)
      .map((w) => w.trim())
      .filter((w) => w !== '');
  if (Array.isArray(input) && input.every((w): w is string => typeof w === 'string')) return input;
  return null;
}

function optionRef(field: CreateField, input: string): Converted {
  const match = field.allowedValues?.find((v) => v.id === input || v.label === input);
  if (field.allowedValues !== null && match === undefined)
    return fail(`Choose one of: ${field.allowedValues.map((v) => v.label).join(', ')}.`);
  return ok({ id: match?.id ?? input });
}

function convert(
  field: CreateField,
  input: unknown,
  deployment: 'cloud' | 'datacenter',
): Converted {
  // Objects and lists of objects are already Jira's representation: passed on as they are.
  const isJiraJson =
    (typeof input === 'object' && input !== null && !Array.isArray(input)) ||
    (Array.isArray(input) && input.some((v) => typeof v === 'object'));
  if (isJiraJson) return ok(input);
  const userRef = (id: string) => (deployment === 'cloud' ? { accountId: id } : { name: id });
  switch (field.type) {
    case 'string':
      return typeof input === 'string' ? ok(input) : fail('Enter text.');
    case 'rich_text':
      return typeof input === 'string'
        ? ok(commentBody(input, deployment === 'cloud' ? 3 : 2))
        : fail('Enter text.');
    case 'number': {
      const value = typeof input === 'string' && input.trim() !== '' ? Number(input) : input;
      return typeof value === 'number' && Number.isFinite(value)
        ? ok(value)
        : fail('Enter a number.');
    }
    case 'date':
      return typeof input === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input)
        ? ok(input)
        : fail('Enter a date as YYYY-MM-DD.');
    case 'datetime':
      return typeof input === 'string' && !Number.isNaN(Date.parse(input))
        ? ok(input)
        : fail('Enter a date and time.');
    case 'option':
      return typeof input === 'string' ? optionRef(field, input) : fail('Choose a value.');
    case 'options': {
      const chosen = words(input, /,/) ?? [];
      const refs = chosen.map((w) => optionRef(field, w));
      const bad = refs.find((r) => !r.ok);
      return bad ?? ok(refs.map((r) => (r.ok ? r.value : null)));
    }
    case 'labels': {
      // Jira labels cannot hold spaces, so spaces separate them too.
      const list = words(input, /[,\s]+/);
      return list === null ? fail('Enter words separated by commas.') : ok(list);
    }
    case 'user':
      return typeof input === 'string' ? ok(userRef(input)) : fail('Enter a user.');
    case 'users': {
      const list = words(input, /,/);
      return list === null ? fail('Enter users separated by commas.') : ok(list.map(userRef));
    }
    case 'issue':
      return typeof input === 'string' ? ok({ key: input }) : fail('Enter an issue key.');
    case 'unsupported':
      return ok(input);
  }
}

function isBlank(input: unknown): boolean {
  return (
    input === undefined ||
    input === null ||
    (typeof input === 'string' && input.trim() === '') ||
    (Array.isArray(input) && input.length === 0)
  );
}

/**
 * Converts form values to Jira's representation using the create screen. Blank values are left
 * out (Jira then names a required one); fields the screen does not list go to Jira as they are,
 * so Jira's own message about them comes back.
 */
export function toJiraFields(
  screen: readonly CreateField[],
  input: Record<string, FieldInput>,
  deployment: 'cloud' | 'datacenter',
): ConvertedFields {
  const fields: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [id, value] of Object.entries(input)) {
    if (isBlank(value)) continue;
    const field = screen.find((f) => f.id === id);
    if (field === undefined) {
      fields[id] = value;
      continue;
    }
    const converted = convert(field, value, deployment);
    if (converted.ok) fields[id] = converted.value;
    else errors[id] = converted.message;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, fields };
}
