/** Time-zone arithmetic with Intl only: Jira shows and reads dates in the user's zone. */

const HOUR_MS = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCaches = new Map<string, Map<number, number>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True if Intl knows the zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC in minutes at an instant; cached per hour since zones change on hour boundaries. */
export function offsetMinutes(timeZone: string, ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let cache = offsetCaches.get(timeZone);
  if (cache === undefined) {
    cache = new Map();
    offsetCaches.set(timeZone, cache);
  }
  const cached = cache.get(hour);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(hour * HOUR_MS)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const offset = Math.round((asUtc - hour * HOUR_MS) / 60_000);
  cache.set(hour, offset);
  return offset;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Formats an instant as Jira does: `2024-01-15T10:30:00.000+0100`, in the given zone. */
export function formatDateTime(ms: number, timeZone: string): string {
  const offset = offsetMinutes(timeZone, ms);
  const local = new Date(ms + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local.toISOString().slice(0, 23)}${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** The instant at which the zone's wall clock shows the given date and time. */
export function zonedTimeToEpoch(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall - offsetMinutes(timeZone, wall) * 60_000;
  // A second pass settles instants near a daylight-saving change.
  guess = wall - offsetMinutes(timeZone, guess) * 60_000;
  return guess;
}

/** The wall-clock calendar date of an instant in the zone. */
export function zonedDate(
  timeZone: string,
  ms: number,
): { year: number; month: number; day: number; weekday: number } {
  const local = new Date(ms + offsetMinutes(timeZone, ms) * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
  };
}
