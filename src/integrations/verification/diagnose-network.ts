import type { SendFailure } from '../../net/index.ts';
import type { IntegrationError } from '../../shared/integrations.ts';

const CA_HINT =
  'If your Jira uses a certificate from an internal CA, start OwlHub with NODE_EXTRA_CA_CERTS=/path/to/ca.pem.';
const REACH_HINT =
  'Check the host and port, and that Jira is running. If Jira is behind a firewall or VPN, the machine running OwlHub must be allowed to reach it.';

/** What to tell a person about a connection that failed below HTTP (PRODUCT.md §2). */
export function describeNetworkFailure(failure: SendFailure, site: URL): IntegrationError {
  const where = `${site.hostname}:${site.port || (site.protocol === 'https:' ? '443' : '80')}`;
  switch (failure.kind) {
    case 'address_blocked':
      return {
        code: 'address_blocked',
        message: `${failure.host} resolves to ${failure.address} (${failure.addressClass.replaceAll('_', ' ')}), which OwlHub's network policy does not allow.`,
        hint: blockedHint(failure.remedy, failure.host, failure.port),
      };
    case 'dns':
      return {
        code: 'dns_failed',
        message: `The host name ${failure.host} does not resolve (${failure.code}).`,
        hint: 'Check the spelling of the site URL (for Jira Cloud it is your-domain.atlassian.net). An internal Jira must be resolvable from the machine running OwlHub.',
      };
    case 'refused':
      return {
        code: 'unreachable',
        message: `Nothing accepts connections at ${where} (connection refused).`,
        hint: REACH_HINT,
      };
    case 'reset':
      return {
        code: 'unreachable',
        message: `The connection to ${where} was reset (${failure.code}).`,
        hint: REACH_HINT,
      };
    case 'unreachable':
      return {
        code: 'unreachable',
        message: `${where} cannot be reached from OwlHub (${failure.code}).`,
        hint: REACH_HINT,
      };
    case 'timeout':
      return {
        code: 'unreachable',
        message: `${where} did not answer in time (${failure.phase} timeout).`,
        hint: REACH_HINT,
      };
    case 'other':
      return {
        code: 'unreachable',
        message: `The connection to ${where} failed (${failure.code}).`,
        hint: REACH_HINT,
      };
    case 'tls':
      return describeTlsFailure(failure.reason, failure.code, site.hostname);
    case 'too_many_redirects':
      return {
        code: 'not_jira',
        message: `${site.origin} redirects more than ${failure.limit} times.`,
        hint: 'Enter the address Jira finally answers at (open it in a browser and copy the URL).',
      };
    case 'bad_redirect':
      return {
        code: 'not_jira',
        message: `${site.origin} redirects to an address OwlHub will not follow.`,
        hint: 'Enter the address Jira finally answers at (open it in a browser and copy the URL).',
      };
    case 'body_too_large':
      return {
        code: 'jira_error',
        message: `Jira sent a response larger than ${Math.round(failure.limit / 1048576)} MiB.`,
        hint: 'Try again; if it persists, contact OwlHub support.',
      };
  }
}

function describeTlsFailure(
  reason: Extract<SendFailure, { kind: 'tls' }>['reason'],
  code: string,
  host: string,
): IntegrationError {
  switch (reason) {
    case 'self_signed':
      return {
        code: 'tls_error',
        message: `The certificate of ${host} is self-signed, so it cannot be trusted (${code}).`,
        hint: CA_HINT,
      };
    case 'untrusted':
      return {
        code: 'tls_error',
        message: `The certificate of ${host} is not issued by a trusted authority (${code}).`,
        hint: CA_HINT,
      };
    case 'expired':
      return {
        code: 'tls_error',
        message: `The certificate of ${host} has expired (${code}).`,
        hint: "Ask your Jira administrator to renew the site's certificate.",
      };
    case 'not_yet_valid':
      return {
        code: 'tls_error',
        message: `The certificate of ${host} is not valid yet (${code}).`,
        hint: "Check the clock of the machine running OwlHub and the certificate's start date.",
      };
    case 'hostname_mismatch':
      return {
        code: 'tls_error',
        message: `The certificate presented at ${host} is for another name (${code}).`,
        hint: 'Use the host name the certificate was issued for, as you see it in the browser.',
      };
    case 'protocol':
      return {
        code: 'tls_error',
        message: `The secure connection to ${host} could not be set up (${code}).`,
        hint: 'Check that the port serves HTTPS; for plain HTTP choose the HTTP protocol.',
      };
  }
}

function blockedHint(
  remedy: 'none' | 'allowed_hosts' | 'allow_private_networks',
  host: string,
  port: number,
): string {
  switch (remedy) {
    case 'none':
      return 'Cloud metadata addresses are never allowed. Use the public address of your Jira.';
    case 'allowed_hosts':
      return `If this Jira is yours, the operator can allow it with OWLHUB_ALLOWED_HOSTS=${host}:${port}.`;
    case 'allow_private_networks':
      return `If this Jira is on your internal network, the operator can set OWLHUB_ALLOW_PRIVATE_NETWORKS=true or OWLHUB_ALLOWED_HOSTS=${host}:${port}.`;
  }
}
