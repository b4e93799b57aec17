import { zonedDate, zonedTimeToEpoch } from '../domain/time.ts';
import type { FunctionOperand, ValueOperand } from './ast.ts';
import { JqlError } from './errors.ts';

const UNIT_MS: Record<string, number> = {
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
};
const ABSOLUTE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/;
const RELATIVE = /^([-+]?)((?:\s*\d+\s*[wdhm])+)$/i;

/** Parses a period such as `-5d` or `4w 2d` into signed milliseconds; null if it is not one. */
export function parsePeriod(text: string): number | null {
  const match = RELATIVE.exec(text.trim());
  if (match === null) return null;
  let total = 0;
  for (const part of (match[2] ?? '').matchAll(/(\d+)\s*([wdhm])/gi)) {
    total += Number(part[1]) * (UNIT_MS[(part[2] ?? '').toLowerCase()] ?? 0);
  }
  return match[1] === '-' ? -total : total;
}

function invalidDate(text: string, field: string): JqlError {
  return new JqlError(
    `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

/**
 * Reads a JQL date literal as Jira does: absolute dates in the searching user's time zone at minute
 * precision, an unquoted number as epoch milliseconds, a period relative to now.
 */
export function parseDateValue(
  operand: ValueOperand,
  field: string,
  timeZone: string,
  now: number,
): number {
  const text = operand.text.trim();
  if (/^\d+$/.test(text) && !operand.quoted) return Number(text);
  const absolute = ABSOLUTE.exec(text);
  if (absolute !== null) {
    const [year, month, day, hour, minute] = absolute
      .slice(1)
      .map((v: string | undefined) => Number(v ?? 0));
    if (
      month === undefined ||
      month < 1 ||
      month > 12 ||
      day === undefined ||
      day < 1 ||
      day > 31 ||
      (hour ?? 0) > 23
    )
      throw invalidDate(text, field);
    return zonedTimeToEpoch(timeZone, year ?? 1970, month, day, hour, minute);
  }
  const period = parsePeriod(text);
  if (period === null) throw invalidDate(text, field);
  return Math.floor((now + period) / 60_000) * 60_000;
}

function startOf(unit: string, timeZone: string, at: number): number {
  const { year, month, day, weekday } = zonedDate(timeZone, at);
  if (unit === 'day') return zonedTimeToEpoch(timeZone, year, month, day);
  if (unit === 'week') return zonedTimeToEpoch(timeZone, year, month, day - weekday);
  if (unit === 'month') return zonedTimeToEpoch(timeZone, year, month, 1);
  return zonedTimeToEpoch(timeZone, year, 1, 1);
}

function endOf(unit: string, timeZone: string, at: number): number {
  const { year, month, day, weekday } = zonedDate(timeZone, at);
  if (unit === 'day') return zonedTimeToEpoch(timeZone, year, month, day + 1) - 1;
  if (unit === 'week') return zonedTimeToEpoch(timeZone, year, month, day - weekday + 7) - 1;
  if (unit === 'month') return zonedTimeToEpoch(timeZone, year, month + 1, 1) - 1;
  return zonedTimeToEpoch(timeZone, year + 1, 1, 1) - 1;
}

/** Evaluates now(), startOfDay(), endOfWeek(-1w) and friends in the user's zone. */
export function evaluateDateFunction(fn: FunctionOperand, timeZone: string, now: number): number {
  const name = fn.name.toLowerCase();
  const shift = fn.args[0] === undefined ? 0 : parsePeriod(fn.args[0]);
  if (shift === null)
    throw new JqlError(`Invalid date format '${fn.args[0] ?? ''}' in function '${fn.name}'.`);
  if (name === 'now') return now;
  const match = /^(start|end)of(day|week|month|year)$/.exec(name);
  if (match === null)
    throw new JqlError(`Unable to find JQL function '${fn.name}(${fn.args.join(', ')})'.`);
  const [, edge, unit] = match;
  const at = now + shift;
  return edge === 'start'
    ? startOf(unit ?? 'day', timeZone, at)
    : endOf(unit ?? 'day', timeZone, at);
}
