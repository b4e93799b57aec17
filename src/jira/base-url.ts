import type { Result } from '../net/index.ts';

/** Why a Jira site URL cannot be used. */
export type BaseUrlError =
  'not_a_url' | 'unsupported_protocol' | 'has_credentials' | 'has_query_or_fragment';

/**
 * Parses a Jira site URL such as `https://acme.atlassian.net` or
 * `https://host/jira` (a context path), normalised to end in `/` so REST
 * paths resolve under the context path.
 */
export function parseJiraBaseUrl(input: string): Result<URL, BaseUrlError> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, error: 'not_a_url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: 'unsupported_protocol' };
  }
  // Userinfo would travel in every request and end up in logs; credentials go in `auth`.
  if (url.username !== '' || url.password !== '') {
    return { ok: false, error: 'has_credentials' };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, error: 'has_query_or_fragment' };
  }
  if (!url.pathname.endsWith('/')) {
    url.pathname = `${url.pathname}/`;
  }
  return { ok: true, value: url };
}

/** The query parameters of one request; arrays become comma-separated lists, undefined is left out. */
export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

/**
 * Builds `<base>/rest/api/<version>/<segments>` with every segment percent
 * encoded, so an issue key can never change the path. `.` and `..` segments
 * would still be resolved by the URL parser, so they are refused.
 */
export function restUrl(
  base: URL,
  apiVersion: 2 | 3,
  segments: readonly string[],
  query: Query = {},
): URL {
  return resourceUrl(base, ['api', String(apiVersion)], segments, query);
}

/**
 * Builds `<base>/rest/<root>/<segments>` for REST resources outside `/rest/api`, such as the admin
 * webhooks at `/rest/webhooks/1.0`; segments are encoded and checked as in `restUrl`.
 */
export function resourceUrl(
  base: URL,
  root: readonly string[],
  segments: readonly string[],
  query: Query = {},
): URL {
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') {
      throw new TypeError(`invalid Jira path segment: ${JSON.stringify(segment)}`);
    }
  }
  const path = ['rest', ...root, ...segments].map(encodeURIComponent).join('/');
  const url = new URL(path, base);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) {
      url.searchParams.set(name, Array.isArray(value) ? value.join(',') : String(value));
    }
  }
  return url;
}
