/** Jira's own spelling: milliseconds and an offset without a colon, e.g. `+0100`. */
const JIRA_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})([+-])(\d{2})(\d{2})$/;

/** Reads a Jira timestamp (`2026-11-23T10:00:00.000+0100`) as ISO-8601 UTC; null if it is not one. */
export function jiraTimeToIso(text: string | undefined): string | null {
  if (text === undefined) return null;
  // Every issue and comment has two of these: Jira's usual spelling is read without Date.parse.
  const m = JIRA_TIME.exec(text);
  if (m !== null) {
    const [y, mo, d, h, mi, s, ms, oh, om] = [1, 2, 3, 4, 5, 6, 7, 9, 10].map((i) => Number(m[i]));
    const wall = Date.UTC(y ?? 0, (mo ?? 0) - 1, d, h, mi, s, ms);
    const offsetMs = (m[8] === '-' ? -1 : 1) * ((oh ?? 0) * 60 + (om ?? 0)) * 60_000;
    // Date.UTC rolls 2026-02-31 over into March and 25:00 into the next day: not times.
    if (new Date(wall).getUTCDate() === d && (h ?? 0) < 24 && (mi ?? 0) < 60 && (s ?? 0) < 60)
      return new Date(wall - offsetMs).toISOString();
  }
  // Jira writes offsets without a colon, which Date.parse does not accept everywhere.
  const normalised = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const parsed = Date.parse(normalised);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
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
