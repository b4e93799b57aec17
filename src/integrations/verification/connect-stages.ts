import type { LookupAll, NetworkPolicy, ProbeReport } from '../../net/index.ts';
import { probeConnection } from '../../net/index.ts';
import type { IntegrationError } from '../../shared/integrations.ts';
import type { Checklist } from './checklist.ts';
import { describeNetworkFailure } from './diagnose-network.ts';

/** Options of the connection stages. */
export interface ConnectStageOptions {
  policy: NetworkPolicy;
  timeoutMs: number;
  lookup?: LookupAll;
}

/**
 * Network policy, DNS, TCP and TLS as separate checks, before any HTTP is sent; returns the
 * error of the first that fails.
 */
export async function runConnectStages(
  site: URL,
  checklist: Checklist,
  options: ConnectStageOptions,
): Promise<IntegrationError | undefined> {
  const report = await probeConnection(site, {
    policy: options.policy,
    timeoutMs: options.timeoutMs,
  });
  const dns = report.stages.find((s) => s.stage === 'dns');
  const dnsMs = dns?.durationMs ?? 0;
  if (!report.ok && report.failure.kind === 'dns') {
    checklist.add(
      'dns',
      'failed',
      dnsMs,
      `${site.hostname} does not resolve (${report.failure.code}).`,
    );
    return describeNetworkFailure(report.failure, site);
  }
  if (!report.ok && report.failure.kind === 'address_blocked') {
    checklist.add(
      'network_policy',
      'failed',
      0,
      `${report.failure.address} is ${report.failure.addressClass.replaceAll('_', ' ')}: not allowed.`,
    );
    checklist.add(
      'dns',
      'passed',
      dnsMs,
      `${site.hostname} resolves to ${report.failure.address}.`,
    );
    return describeNetworkFailure(report.failure, site);
  }
  checklist.add('network_policy', 'passed', 0, policyDetail(report));
  checklist.add(
    'dns',
    'passed',
    dnsMs,
    report.ok
      ? `${site.hostname} resolves to ${report.addresses.join(', ')}.`
      : `${site.hostname} resolves.`,
  );
  return recordTransportStages(site, checklist, report);
}

function recordTransportStages(
  site: URL,
  checklist: Checklist,
  report: ProbeReport,
): IntegrationError | undefined {
  for (const stage of report.stages) {
    if (stage.stage === 'dns') continue;
    if (stage.failure) {
      const error = describeNetworkFailure(stage.failure, site);
      checklist.add(stage.stage, 'failed', stage.durationMs, error.message);
      return error;
    }
    checklist.add(
      stage.stage,
      'passed',
      stage.durationMs,
      stage.stage === 'tcp'
        ? `Connected to ${report.ok ? report.address : site.hostname}.`
        : tlsDetail(report),
    );
  }
  if (!report.ok) return describeNetworkFailure(report.failure, site);
  if (site.protocol === 'http:') {
    checklist.add('tls', 'warning', 0, 'Plain HTTP, as confirmed: the token travels unencrypted.');
  }
  return undefined;
}

function policyDetail(report: ProbeReport): string {
  return report.ok ? `Allowed: ${report.addresses.join(', ')}.` : 'Allowed.';
}

function tlsDetail(report: ProbeReport): string {
  if (!report.ok || !report.tls) return 'Certificate trusted.';
  const { protocol, subject, issuer, validTo } = report.tls;
  return `${protocol ?? 'TLS'}; certificate for ${subject ?? '?'} by ${issuer ?? '?'}, valid until ${validTo ?? '?'}.`;
}
