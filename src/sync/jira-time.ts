/** Reads a Jira timestamp (`2026-11-23T10:00:00.000+0100`) as ISO-8601 UTC; null if it is not one. */
export function jiraTimeToIso(text: string | undefined): string | null {
  if (text === undefined) return null;
  // Jira writes offsets without a colon, which Date.parse does not accept everywhere.
  const normalised = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** An ISO timestamp as epoch milliseconds (JQL reads an unquoted number as epoch milliseconds). */
export function isoToEpochMs(iso: string): number {
  return Date.parse(iso);
}

/** The later of two ISO UTC timestamps (null is earlier than any). */
export function laterIso(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}
