import { describe, expect, it } from 'vitest';
import { parseJiraBaseUrl, restUrl } from './base-url.ts';

describe('parseJiraBaseUrl', () => {
  it('accepts sites with and without a context path, ending them in /', () => {
    const cases: Array<[string, string]> = [
      ['https://acme.atlassian.net', 'https://acme.atlassian.net/'],
      [' https://host/jira ', 'https://host/jira/'],
      ['https://host/jira/', 'https://host/jira/'],
      ['http://10.0.0.5:8080/tools/jira', 'http://10.0.0.5:8080/tools/jira/'],
    ];
    for (const [input, href] of cases) {
      const url = parseJiraBaseUrl(input);
      expect(url.ok && url.value.href).toBe(href);
    }
  });

  it('rejects what cannot be a site', () => {
    expect(parseJiraBaseUrl('acme.atlassian.net')).toEqual({ ok: false, error: 'not_a_url' });
    expect(parseJiraBaseUrl('ftp://host/')).toEqual({ ok: false, error: 'unsupported_protocol' });
    expect(parseJiraBaseUrl('https://me:pw@host/')).toEqual({
      ok: false,
      error: 'has_credentials',
    });
    expect(parseJiraBaseUrl('https://host/?a=1')).toEqual({
      ok: false,
      error: 'has_query_or_fragment',
    });
  });
});

describe('restUrl', () => {
  const base = new URL('https://host/jira/');

  it('keeps the context path and encodes each segment', () => {
    expect(restUrl(base, 2, ['issue', 'AB-1', 'comment']).href).toBe(
      'https://host/jira/rest/api/2/issue/AB-1/comment',
    );
    expect(restUrl(base, 3, ['issue', '../../admin?x=1#y']).href).toBe(
      'https://host/jira/rest/api/3/issue/..%2F..%2Fadmin%3Fx%3D1%23y',
    );
  });

  it('refuses dot segments, which URL parsing would resolve', () => {
    expect(() => restUrl(base, 2, ['issue', '..'])).toThrow(TypeError);
    expect(() => restUrl(base, 2, ['issue', ''])).toThrow(TypeError);
  });

  it('adds query parameters, lists comma-separated, skipping undefined', () => {
    const url = restUrl(base, 3, ['mypermissions'], {
      permissions: ['BROWSE_PROJECTS', 'CREATE_ISSUES'],
      projectKey: undefined,
      startAt: 0,
      jql: 'project = "A&B"',
    });
    expect(url.searchParams.get('permissions')).toBe('BROWSE_PROJECTS,CREATE_ISSUES');
    expect(url.searchParams.has('projectKey')).toBe(false);
    expect(url.searchParams.get('startAt')).toBe('0');
    expect(url.searchParams.get('jql')).toBe('project = "A&B"');
  });
});
