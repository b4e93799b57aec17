import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { OutboundResponse } from '../net/index.ts';
import { errorForStatus, parseBody, readMessages, unparsedBody } from './response.ts';
import { readFixture } from './testing/fixtures.ts';

const observed = z
  .object({
    responses: z.array(
      z.object({
        case: z.string(),
        status: z.number(),
        headers: z.record(z.string(), z.string()).optional(),
        body: z.unknown().optional(),
      }),
    ),
  })
  .parse(readFixture('observed_error_responses.json'));

function fixture(match: string): OutboundResponse {
  const entry = observed.responses.find((r) => r.case.includes(match));
  if (entry === undefined) throw new Error(match);
  const headers = Object.fromEntries(
    Object.entries(entry.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  return {
    status: entry.status,
    headers,
    body: JSON.stringify(entry.body ?? ''),
    url: new URL('https://x/'),
    redirects: 0,
  };
}

describe('errorForStatus on observed Jira answers', () => {
  it('maps the CAPTCHA lockout to captcha with its login URL', () => {
    expect(errorForStatus(fixture('CAPTCHA lockout'), undefined)).toEqual({
      kind: 'captcha',
      status: 403,
      loginUrl: 'https://<jira_url>/jira/login.jsp',
      loginReason: 'AUTHENTICATION_DENIED',
    });
  });

  it('maps the removed legacy search to gone with its message', () => {
    const error = errorForStatus(fixture('removed legacy search'), undefined);
    expect(error).toMatchObject({ kind: 'gone', status: 410, fieldErrors: {} });
    expect(error.kind === 'gone' && error.messages[0]).toContain('/rest/api/3/search/jql');
  });

  it('reads both 401 body shapes', () => {
    expect(errorForStatus(fixture('401 JSON body shape'), undefined)).toEqual({
      kind: 'unauthorized',
      status: 401,
      messages: ['Client must be authenticated to access this resource.'],
      fieldErrors: {},
    });
    expect(errorForStatus(fixture('JSON ErrorCollection variant'), undefined)).toMatchObject({
      kind: 'unauthorized',
      messages: ['You are not authenticated. Authentication required to perform this operation.'],
    });
  });

  it('keeps the rate limit reason and Retry-After', () => {
    expect(errorForStatus(fixture('rate limited (burst)'), 1000)).toEqual({
      kind: 'rate_limited',
      status: 429,
      retryAfterMs: 1000,
      reason: 'jira-burst-based',
    });
  });

  it('maps JQL errors to bad_request and 404 to not_found', () => {
    expect(errorForStatus(fixture('JQL error'), undefined)).toMatchObject({
      kind: 'bad_request',
      status: 400,
    });
    expect(errorForStatus(fixture('issue not found'), undefined)).toMatchObject({
      kind: 'not_found',
      status: 404,
    });
  });
});

describe('parseBody / readMessages', () => {
  const response = (body: string, contentType?: string): OutboundResponse => ({
    status: 200,
    headers: contentType === undefined ? {} : { 'content-type': contentType },
    body,
    url: new URL('https://x/'),
    redirects: 0,
  });

  const read = (body: string, contentType?: string) =>
    parseBody(z.object({ a: z.number() }), unparsedBody(response(body, contentType)));

  it('calls HTML and other text not Jira', () => {
    expect(read('<html>login</html>', 'text/html')).toEqual({
      ok: false,
      error: { kind: 'not_jira', status: 200, reason: 'html', contentType: 'text/html' },
    });
    expect(read('  <!DOCTYPE html>')).toMatchObject({ error: { reason: 'html' } });
    expect(read('OK', 'text/plain')).toMatchObject({ error: { reason: 'not_json' } });
    expect(read('{"a":1}', 'application/json')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('calls JSON of another shape an invalid response, with the path', () => {
    expect(read('{"a":"one"}', 'application/json')).toMatchObject({
      ok: false,
      error: { kind: 'invalid_response', status: 200, path: 'a' },
    });
  });

  it('clips long messages and tolerates junk', () => {
    const long = 'x'.repeat(2000);
    expect(readMessages(JSON.stringify({ errorMessages: [long] })).messages[0]).toHaveLength(501);
    expect(readMessages('not json')).toEqual({ messages: [], fieldErrors: {} });
    expect(readMessages(JSON.stringify({ errors: { priority: 'required' } })).fieldErrors).toEqual({
      priority: 'required',
    });
  });
});
