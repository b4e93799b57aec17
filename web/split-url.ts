/** Splits a URL pasted into a Hostname field into protocol and host. */

/** The parts of a pasted URL; `path` is a context path that a hostname cannot hold, if any. */
export interface SplitUrl {
  protocol: 'https' | 'http';
  hostname: string;
  path: string | null;
}

/**
 * The protocol and host of `value` when it starts with http:// or https://, else null. Paths on
 * Atlassian Cloud hosts are pages inside Jira (a board, an issue), never part of the site, so they
 * are dropped; elsewhere a path may be a context path (https://host/jira) and is reported.
 */
export function splitUrl(value: string): SplitUrl | null {
  const match = /^\s*(https?):\/\/([^/?#\s]*)([^\s]*)/i.exec(value);
  const scheme = match?.[1]?.toLowerCase();
  if (match === null || scheme === undefined) return null;
  const hostname = (match[2] ?? '').replace(/^[^@]*@/, '').toLowerCase();
  const rest = (match[3] ?? '').replace(/[?#].*$/, '').replace(/\/+$/, '');
  const cloud = /\.(atlassian\.net|jira\.com)(:\d+)?$/.test(hostname);
  return {
    protocol: scheme === 'http' ? 'http' : 'https',
    hostname,
    path: rest === '' || cloud ? null : rest,
  };
}
