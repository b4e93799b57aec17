/** Which fields of an issue to render, read from Jira's `fields` parameter syntax. */

const NON_NAVIGABLE = new Set(['comment', 'worklog', 'timetracking']);

/** A parsed `fields` parameter. */
export interface FieldSelection {
  /** True when only `id` (and maybe `key`) were asked for: no `fields` object at all. */
  readonly idOnly: boolean;
  readonly withKey: boolean;
  wants(fieldId: string): boolean;
}

/** Parses `fields` values (repeated and/or comma-separated); `fallback` applies when none are given. */
export function selectFields(requested: readonly string[], fallback: string): FieldSelection {
  const parts = (requested.length > 0 ? requested : [fallback])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  let all = false;
  let navigable = false;
  const include = new Set<string>();
  const exclude = new Set<string>();
  for (const part of parts) {
    if (part === '*all') all = true;
    else if (part === '*navigable') navigable = true;
    else if (part.startsWith('-')) exclude.add(part.slice(1));
    else include.add(part);
  }
  const wants = (fieldId: string): boolean =>
    !exclude.has(fieldId) &&
    (all || (navigable && !NON_NAVIGABLE.has(fieldId)) || include.has(fieldId));
  const extra = [...include].filter((f) => f !== 'id' && f !== 'key');
  return { idOnly: !all && !navigable && extra.length === 0, withKey: include.has('key'), wants };
}
