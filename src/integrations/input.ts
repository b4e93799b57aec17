import { z } from 'zod';
import type { JiraAuthType } from '../shared/integrations.ts';

/** How OwlHub signs in to Jira; secrets are plain here and encrypted before they are stored. */
export type JiraCredentials =
  | { authType: 'cloud_token'; email: string; token: string }
  | { authType: 'personal_access_token'; token: string }
  | { authType: 'basic_password'; username: string; password: string };

/** A checked, normalised integration request, ready to store. */
export interface IntegrationInput {
  name: string;
  siteUrl: string;
  allowInsecureHttp: boolean;
  credentials: JiraCredentials;
}

/** Either the parsed input or a message per offending field; nothing is saved on failure. */
export type ParsedInput<T> = { ok: true; value: T } | { ok: false; fields: Record<string, string> };

const RequestSchema = z.object({
  type: z.literal('jira', { error: 'Only "jira" integrations exist so far.' }),
  name: z.string().optional(),
  siteUrl: z.string().optional(),
  protocol: z.enum(['https', 'http'], { error: 'Choose HTTPS or HTTP.' }).optional(),
  hostname: z.string().optional(),
  authType: z
    .enum(['cloud_token', 'personal_access_token', 'basic_password'], {
      error: 'Use cloud_token, personal_access_token or basic_password.',
    })
    .optional(),
  email: z.string().optional(),
  token: z.string().optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  allowInsecureHttp: z.boolean({ error: 'Use true or false.' }).optional(),
});

const EMAIL = z.email();
const HOST_LABELS =
  /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** Checks a create request field by field (PRODUCT.md §1). */
export function parseCreateIntegration(body: unknown): ParsedInput<IntegrationInput> {
  const shape = RequestSchema.safeParse(body);
  if (!shape.success) return { ok: false, fields: fieldMessages(shape.error) };
  const request = shape.data;
  const fields: Record<string, string> = {};
  const site = parseSite(request, fields);
  const credentials = parseCredentials(request, fields);
  const name = (request.name ?? '').trim();
  if (name.length > 200) fields.name = 'Use at most 200 characters.';
  if (site && site.protocol === 'http:' && request.allowInsecureHttp !== true) {
    fields[request.siteUrl === undefined ? 'protocol' : 'siteUrl'] =
      'HTTP sends your token unencrypted. Use HTTPS, or confirm that you accept this (allowInsecureHttp).';
  }
  if (!site || !credentials || Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    value: {
      name: name.length > 0 ? name : `Jira (${site.host})`,
      siteUrl: siteUrlString(site),
      allowInsecureHttp: site.protocol === 'http:',
      credentials,
    },
  };
}

/** The site's URL: `https://host[:port][/context]`, without a trailing slash. */
export function siteUrlString(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Checks a site URL typed by a person; returns the URL or a message saying what is wrong. */
export function parseSiteUrl(raw: string): { ok: true; url: URL } | { ok: false; message: string } {
  const text = raw.trim();
  if (text.length === 0)
    return {
      ok: false,
      message: 'Enter your Jira site URL, like https://your-domain.atlassian.net.',
    };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    return { ok: false, message: `Include the protocol: https://${text.replace(/^\/+/, '')}` };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'This is not a valid URL.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'Use an https:// (or http://) address.' };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      message: 'Leave credentials out of the URL; enter them in their own fields.',
    };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, message: 'Use the site address only, without ? or # parts.' };
  }
  if (!isHostName(url.hostname)) return { ok: false, message: 'The host name is not valid.' };
  return { ok: true, url };
}

function parseSite(
  request: z.infer<typeof RequestSchema>,
  fields: Record<string, string>,
): URL | undefined {
  if (request.siteUrl !== undefined) {
    const parsed = parseSiteUrl(request.siteUrl);
    if (parsed.ok) return parsed.url;
    fields.siteUrl = parsed.message;
    return undefined;
  }
  if (request.hostname === undefined) {
    fields.hostname = 'Enter the host name of your Jira, like yourcompany.atlassian.net.';
    return undefined;
  }
  const hostname = request.hostname.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(hostname)) {
    fields.hostname =
      'Enter the host name only, without https:// (choose the protocol in Protocol).';
    return undefined;
  }
  if (/[/?#@\s]/.test(hostname)) {
    fields.hostname = 'Enter the host name only, like yourcompany.atlassian.net, without a path.';
    return undefined;
  }
  const parsed = parseSiteUrl(`${request.protocol ?? 'https'}://${hostname}`);
  if (parsed.ok) return parsed.url;
  fields.hostname =
    hostname.length === 0
      ? 'Enter the host name of your Jira, like yourcompany.atlassian.net.'
      : 'This is not a valid host name.';
  return undefined;
}

function parseCredentials(
  request: z.infer<typeof RequestSchema>,
  fields: Record<string, string>,
): JiraCredentials | undefined {
  const authType = request.authType ?? defaultAuthType(request);
  if (authType === 'basic_password') {
    const username = (request.username ?? '').trim();
    const password = request.password ?? '';
    if (username.length === 0) fields.username = 'Enter the Jira username.';
    if (password.trim().length === 0) fields.password = 'Enter the password.';
    return username.length > 0 && password.trim().length > 0
      ? { authType, username, password }
      : undefined;
  }
  const token = parseToken(request.token, fields);
  if (authType === 'personal_access_token')
    return token === undefined ? undefined : { authType, token };
  const email = parseEmail(request.email, fields);
  return token === undefined || email === undefined ? undefined : { authType, email, token };
}

/** Email present → Cloud token; username → password login; otherwise a personal access token. */
function defaultAuthType(request: z.infer<typeof RequestSchema>): JiraAuthType {
  if (request.email !== undefined) return 'cloud_token';
  if (request.username !== undefined) return 'basic_password';
  return 'personal_access_token';
}

function parseToken(raw: string | undefined, fields: Record<string, string>): string | undefined {
  const token = (raw ?? '').trim();
  if (token.length === 0) {
    fields.token = 'Enter the API token.';
    return undefined;
  }
  if (/\s/.test(token)) {
    fields.token = 'The token contains spaces or line breaks; copy it again from Jira.';
    return undefined;
  }
  if (token.length > 2000) {
    fields.token = 'This is too long to be a Jira token.';
    return undefined;
  }
  return token;
}

function parseEmail(raw: string | undefined, fields: Record<string, string>): string | undefined {
  const email = (raw ?? '').trim().toLowerCase();
  if (email.length === 0) {
    fields.email = 'Jira Cloud API tokens work together with the account email: enter it.';
    return undefined;
  }
  if (!EMAIL.safeParse(email).success) {
    fields.email = 'Enter a valid email address, like name@example.com.';
    return undefined;
  }
  return email;
}

function isHostName(host: string): boolean {
  if (host.startsWith('[') && host.endsWith(']')) return true;
  return HOST_LABELS.test(host);
}

function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length === 0 ? 'body' : issue.path.map(String).join('.');
    fields[key] ??= issue.message;
  }
  return fields;
}
