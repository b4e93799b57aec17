/** Issue timestamps as a person reads them. */

const FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "Nov 23, 2026, 11:37 AM" in the reader's locale; the text itself if it is not a date. */
export function formatIssueTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : FORMAT.format(date);
}

/** Whether a field value is a Jira timestamp (`2026-11-23T12:37:00.242+0100`); a bare date reads fine as it is. */
export function isJiraTimestamp(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value);
}
