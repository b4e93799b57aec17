import type { LookupAll, NetworkPolicy, ProxyOptions, Timeouts } from '../../net/index.ts';
import { createPolicyDispatcher } from '../../net/index.ts';
import { parseSiteUrl } from '../input.ts';
import type { JiraCredentials } from '../input.ts';
import { Checklist } from './checklist.ts';
import { runConnectStages } from './connect-stages.ts';
import { runJiraStages } from './jira-stages.ts';
import type { VerificationOutcome } from './outcome.ts';

/** What is verified: a site and the credentials for it. */
export interface VerificationTarget {
  siteUrl: string;
  credentials: JiraCredentials;
}

/** How verification reaches the network. */
export interface VerificationEnv {
  policy: NetworkPolicy;
  timeouts?: Partial<Timeouts>;
  /** Replaces the system resolver (tests). */
  lookup?: LookupAll;
  proxy?: ProxyOptions | undefined;
}

/**
 * Verifies a Jira connection as a chain of checks that stops at the first failure: URL shape,
 * network policy, DNS, TCP, TLS, is it Jira, does the auth method fit, /myself, permissions and
 * projects, search. Never throws for anything the site does.
 */
export async function verifyConnection(
  target: VerificationTarget,
  env: VerificationEnv,
): Promise<VerificationOutcome> {
  const checklist = new Checklist();
  const parsed = parseSiteUrl(target.siteUrl);
  if (!parsed.ok) {
    checklist.add('url', 'failed', 0, parsed.message);
    return {
      status: 'failed',
      checks: checklist.finish(),
      error: {
        code: 'invalid_input',
        message: parsed.message,
        hint: 'Correct the Jira Site URL and verify again.',
      },
      deployment: null,
    };
  }
  const site = parsed.url;
  checklist.add(
    'url',
    'passed',
    0,
    `${site.protocol === 'https:' ? 'HTTPS' : 'HTTP'} site ${site.href}`,
  );

  if (env.proxy) {
    // The proxy connects for us: probing the site directly would test a path OwlHub does not use.
    for (const name of ['dns', 'tcp', 'tls'] as const) {
      checklist.add(name, 'skipped', 0, 'Through the proxy from HTTPS_PROXY / HTTP_PROXY.');
    }
  } else {
    const connectError = await runConnectStages(site, checklist, {
      policy: env.policy,
      timeoutMs: env.timeouts?.connectMs ?? 10_000,
      ...(env.lookup === undefined ? {} : { lookup: env.lookup }),
    });
    if (connectError) {
      return {
        status: 'failed',
        checks: checklist.finish(),
        error: connectError,
        deployment: null,
      };
    }
  }

  const dispatcher = createPolicyDispatcher({
    policy: env.policy,
    ...(env.timeouts === undefined ? {} : { timeouts: env.timeouts }),
    ...(env.lookup === undefined ? {} : { lookup: env.lookup }),
    ...(env.proxy === undefined ? {} : { proxy: env.proxy }),
  });
  try {
    return await runJiraStages(site, target.credentials, dispatcher, checklist);
  } finally {
    await dispatcher.close();
  }
}
