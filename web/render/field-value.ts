/** How a Jira field's value reads in a table of fields. */
import { isAdfDoc } from './adf-types.ts';

/** Plain text for a value, `rich` for an ADF document, or null when there is nothing to show. */
export type FieldDisplay = { kind: 'text'; text: string } | { kind: 'rich'; doc: unknown } | null;

// Longer values are cut: the table is an overview, the issue in Jira has the rest.
const MAX_TEXT = 300;

/** What to show for a field value as Jira sent it. */
export function displayFieldValue(value: unknown): FieldDisplay {
  if (isAdfDoc(value)) return { kind: 'rich', doc: value };
  const text = valueText(value, 0);
  if (text === null || text === '') return null;
  return { kind: 'text', text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text };
}

function valueText(value: unknown, depth: number): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (depth > 3) return null;
  if (Array.isArray(value)) {
    const parts = value
      .map((item) => valueText(item, depth + 1))
      .filter((t) => t !== null && t !== '');
    return parts.length === 0 ? null : parts.join(', ');
  }
  if (typeof value !== 'object') return null;
  const entries = new Map<string, unknown>(Object.entries(value));
  // Users, options, versions and components name themselves in one of these.
  for (const name of ['displayName', 'name', 'value', 'key']) {
    const named = entries.get(name);
    if (typeof named === 'string') {
      const child = valueText(entries.get('child'), depth + 1);
      return child === null ? named : `${named} › ${child}`;
    }
  }
  return entries.size === 0 ? null : JSON.stringify(value);
}
