import type { IntegrationView } from '../shared/integrations.ts';

const MARK: Record<string, string> = { passed: '✓', failed: '✗', skipped: '·', warning: '!' };

/** The lines `owlhub integrations show` prints: status, what it is connected to, the checklist. */
export function describeIntegration(view: IntegrationView): string {
  const lines = [
    `${view.name} (${view.id})`,
    `  site:       ${view.siteUrl}${view.deployment ? ` (${view.deployment})` : ''}`,
    `  auth:       ${view.authType}${view.email ? ` as ${view.email}` : ''}${view.username ? ` as ${view.username}` : ''}${view.tokenHint ? `, token …${view.tokenHint}` : ''}`,
    `  status:     ${view.status}${view.lastVerifiedAt ? ` (verified ${view.lastVerifiedAt})` : ''}`,
  ];
  if (view.error)
    lines.push(
      `  error:      ${view.error.code}: ${view.error.message}`,
      `  what to do: ${view.error.hint}`,
    );
  if (view.account)
    lines.push(
      `  account:    ${view.account.displayName}${view.account.timeZone ? `, ${view.account.timeZone}` : ''}`,
    );
  if (view.deploymentInfo)
    lines.push(`  jira:       ${view.deploymentInfo.deployment} ${view.deploymentInfo.version}`);
  if (view.access) lines.push(`  access:     ${view.access.visibleProjects} projects visible`);
  if (view.checks.length > 0) {
    lines.push('  checks:');
    for (const check of view.checks) {
      lines.push(
        `    ${MARK[check.status] ?? '?'} ${check.name.padEnd(15)} ${String(check.durationMs).padStart(5)} ms  ${check.detail}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** One line per integration for `owlhub integrations list`. */
export function listLine(view: IntegrationView): string {
  return `${view.id}  ${view.status.padEnd(9)}  ${view.name}  ${view.siteUrl}\n`;
}
