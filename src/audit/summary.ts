/** Makes an input safe to keep in the audit log: secrets out, long values cut. */

const SECRET_KEY = /token|password|secret|authorization|api[-_]?key|credential/i;
const MAX_STRING = 200;
const MAX_ITEMS = 20;
const MAX_DEPTH = 4;

function summarize(value: unknown, depth: number): unknown {
  if (typeof value === 'string')
    return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value))
    return value.slice(0, MAX_ITEMS).map((item: unknown) => summarize(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_KEY.test(key) ? '[redacted]' : summarize(item, depth + 1),
    ]),
  );
}

/** A copy of `input` with every secret-named field replaced by `[redacted]` and long values shortened. */
export function auditSummary(input: Record<string, unknown>): Record<string, unknown> {
  const summary = summarize(input, 0);
  return typeof summary === 'object' && summary !== null && !Array.isArray(summary)
    ? Object.fromEntries(Object.entries(summary))
    : {};
}
