import type { Dispatcher } from 'undici';
import { assertSendableAuth, type JiraAuth } from './auth.ts';
import { parseJiraBaseUrl } from './base-url.ts';
import { catalogEndpoints, type CatalogEndpoints } from './endpoints/catalog.ts';
import { createMetaEndpoints, type CreateMetaEndpoints } from './endpoints/create-meta.ts';
import { identityEndpoints, type IdentityEndpoints } from './endpoints/identity.ts';
import { issueEndpoints, type IssueEndpoints } from './endpoints/issues.ts';
import { searchEndpoints, type SearchEndpoints } from './endpoints/search.ts';
import { webhookEndpoints, type WebhookEndpoints } from './endpoints/webhooks.ts';
import { DEFAULT_RETRY_POLICY, SYSTEM_CLOCK, type RetryClock, type RetryPolicy } from './retry.ts';
import { createTransport } from './transport.ts';

/** Options of `createJiraClient`; only the first four are required. */
export interface JiraClientOptions {
  /** The site, with its context path if any: `https://acme.atlassian.net`, `https://host/jira`. */
  baseUrl: string | URL;
  auth: JiraAuth;
  /** 3 on Cloud (ADF bodies), 2 on Server/Data Center. */
  apiVersion: 2 | 3;
  /**
   * From `createPolicyDispatcher` (src/net): it enforces the network policy
   * and the connect/headers/body timeouts. The client never connects without it.
   */
  dispatcher: Dispatcher;
  retry?: Partial<RetryPolicy>;
  /** Replace time, sleep and jitter (tests). */
  clock?: Partial<RetryClock>;
  /** Redirects followed per request; credentials never follow one to another origin. Default 5. */
  maxRedirects?: number;
  /**
   * Cap on one attempt, redirects and body included (default 120 s); the
   * dispatcher's connect/headers/body timeouts still apply within it.
   */
  requestTimeoutMs?: number;
  userAgent?: string;
}

/** A Jira REST client bound to one site and one set of credentials; every method returns a JiraResult. */
export interface JiraClient
  extends
    IdentityEndpoints,
    CatalogEndpoints,
    SearchEndpoints,
    IssueEndpoints,
    WebhookEndpoints,
    CreateMetaEndpoints {
  readonly baseUrl: URL;
  readonly apiVersion: 2 | 3;
}

/**
 * Creates a Jira client. Options are checked once here; a malformed base URL
 * or unsendable credentials throw a TypeError that names the problem, never
 * the secret (validate user input with `parseJiraBaseUrl` first).
 */
export function createJiraClient(options: JiraClientOptions): JiraClient {
  const parsed = parseJiraBaseUrl(String(options.baseUrl));
  if (!parsed.ok) {
    throw new TypeError(`Jira base URL rejected: ${parsed.error}`);
  }
  assertSendableAuth(options.auth);
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1) {
    throw new TypeError('retry.maxAttempts must be a positive integer');
  }
  const transport = createTransport({
    baseUrl: parsed.value,
    apiVersion: options.apiVersion,
    auth: options.auth,
    dispatcher: options.dispatcher,
    retry,
    clock: { ...SYSTEM_CLOCK, ...options.clock },
    maxRedirects: options.maxRedirects ?? 5,
    requestTimeoutMs: options.requestTimeoutMs ?? 120_000,
    userAgent: options.userAgent ?? 'OwlHub',
  });
  return Object.freeze({
    baseUrl: parsed.value,
    apiVersion: options.apiVersion,
    ...identityEndpoints(transport),
    ...catalogEndpoints(transport),
    ...searchEndpoints(transport),
    ...issueEndpoints(transport),
    ...webhookEndpoints(transport),
    ...createMetaEndpoints(transport),
  });
}
