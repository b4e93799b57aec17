/** Which link targets rich text may point at. */

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * `href` normalised when it is an absolute http(s) or mailto URL, otherwise null: `javascript:`,
 * `data:`, `vbscript:` and relative targets never become links. The URL parser strips the tabs,
 * newlines and leading spaces that browsers ignore, so `java\nscript:` is caught too.
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return null;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : null;
}

const COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i;

/** A CSS colour given as a hex value or a name, otherwise null (nothing else reaches a style). */
export function safeColor(color: unknown): string | null {
  return typeof color === 'string' && COLOR.test(color) ? color : null;
}
