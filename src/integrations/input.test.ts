import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCreateIntegration } from './input.ts';

const cloud = { type: 'jira', email: 'me@example.com', token: 'ATATT3xFfGF0abc' };

function fieldsOf(body: unknown): Record<string, string> {
  const result = parseCreateIntegration(body);
  if (result.ok) throw new Error('expected a failure');
  return result.fields;
}

describe('parseCreateIntegration', () => {
  it('accepts the settings page form (protocol + hostname) and trims the token', () => {
    const result = parseCreateIntegration({
      ...cloud,
      protocol: 'https',
      hostname: ' yourcompany.atlassian.net ',
      token: '  ATATT3xFfGF0abc\n',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Jira (yourcompany.atlassian.net)',
        siteUrl: 'https://yourcompany.atlassian.net',
        allowInsecureHttp: false,
        credentials: { authType: 'cloud_token', email: 'me@example.com', token: 'ATATT3xFfGF0abc' },
      },
    });
  });

  it('accepts the wizard form with a context path and a personal access token', () => {
    const result = parseCreateIntegration({
      type: 'jira',
      name: 'Jira Production',
      siteUrl: 'https://jira.your-company.com:8443/jira/',
      token: 'NjE2MzQ0',
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        name: 'Jira Production',
        siteUrl: 'https://jira.your-company.com:8443/jira',
        credentials: { authType: 'personal_access_token', token: 'NjE2MzQ0' },
      },
    });
  });

  it('accepts username and password for old servers', () => {
    expect(
      parseCreateIntegration({
        type: 'jira',
        siteUrl: 'https://jira.example.com',
        username: 'jdoe',
        password: ' pw ',
      }),
    ).toMatchObject({
      ok: true,
      value: { credentials: { authType: 'basic_password', username: 'jdoe', password: ' pw ' } },
    });
  });

  it('refuses a hostname that contains a protocol or a path', () => {
    expect(fieldsOf({ ...cloud, hostname: 'https://x.atlassian.net' }).hostname).toMatch(
      /without https:\/\//,
    );
    expect(fieldsOf({ ...cloud, hostname: 'x.atlassian.net/jira' }).hostname).toMatch(
      /without a path/,
    );
  });

  it('refuses a site URL without a protocol and says how to write it', () => {
    expect(fieldsOf({ ...cloud, siteUrl: 'x.atlassian.net' }).siteUrl).toBe(
      'Include the protocol: https://x.atlassian.net',
    );
  });

  it('refuses an invalid email, an empty token and a token with spaces inside', () => {
    const fields = fieldsOf({
      ...cloud,
      siteUrl: 'https://x.atlassian.net',
      email: 'not-an-email',
      token: '   ',
    });
    expect(fields.email).toMatch(/valid email/);
    expect(fields.token).toMatch(/Enter the API token/);
    expect(
      fieldsOf({ ...cloud, siteUrl: 'https://x.atlassian.net', token: 'abc def' }).token,
    ).toMatch(/spaces/);
  });

  it('allows HTTP only with the explicit confirmation', () => {
    expect(fieldsOf({ ...cloud, protocol: 'http', hostname: 'jira.local' }).protocol).toMatch(
      /unencrypted/,
    );
    expect(
      parseCreateIntegration({
        ...cloud,
        protocol: 'http',
        hostname: 'jira.local',
        allowInsecureHttp: true,
      }),
    ).toMatchObject({ ok: true, value: { siteUrl: 'http://jira.local', allowInsecureHttp: true } });
  });

  it('refuses credentials, queries and other schemes in the URL', () => {
    expect(fieldsOf({ ...cloud, siteUrl: 'https://u:p@x.atlassian.net' }).siteUrl).toMatch(
      /credentials/,
    );
    expect(fieldsOf({ ...cloud, siteUrl: 'https://x.atlassian.net/?a=1' }).siteUrl).toMatch(
      /without \?/,
    );
    expect(fieldsOf({ ...cloud, siteUrl: 'ftp://x.atlassian.net' }).siteUrl).toMatch(/https/);
  });

  it('refuses other integration types and wrong field types', () => {
    expect(fieldsOf({ ...cloud, type: 'github' }).type).toBeDefined();
    expect(fieldsOf({ ...cloud, siteUrl: 42 }).siteUrl).toBeDefined();
    expect(fieldsOf(null).body).toBeDefined();
  });

  it('never throws, whatever the body', () => {
    fc.assert(
      fc.property(fc.anything(), (body) => {
        const result = parseCreateIntegration(body);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (siteUrl, email, token) => {
        const result = parseCreateIntegration({ type: 'jira', siteUrl, email, token });
        if (result.ok) expect(result.value.siteUrl).toMatch(/^https?:\/\/[^/?#]+/);
      }),
    );
  });
});
