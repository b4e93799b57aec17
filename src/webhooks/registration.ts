import type { IntegrationCoreDeps } from '../integrations/deps.ts';
import type { JiraClient, JiraError } from '../jira/index.ts';
import { paginateProjects, webhookIdOf } from '../jira/index.ts';
import { findIntegration } from '../storage/integrations.ts';
import { listProjectRows } from '../storage/mirror-projects.ts';
import type { IntegrationRow } from '../storage/schema.ts';
import type { WebhookStatus } from '../storage/webhook-schema.ts';
import { findWebhookRow, saveWebhookRow, type WebhookRowUpdate } from '../storage/webhooks.ts';
import { withJiraClient } from './jira-client.ts';
import { WEBHOOK_EVENTS } from './payload.ts';
import { generateWebhookSecret, openWebhookSecret, sealWebhookSecret } from './secret.ts';

/** The receiver URL of an integration under OwlHub's public base URL. */
export function receiverUrl(publicUrl: URL, integrationId: string): string {
  const base = publicUrl.href.endsWith('/') ? publicUrl.href : `${publicUrl.href}/`;
  return new URL(`webhooks/jira/${encodeURIComponent(integrationId)}`, base).href;
}

/** Where Jira keeps an admin webhook's JQL filter. */
const FILTER_KEY = 'issue-related-events-section';

/** Issue and comment events of the mirrored projects only. */
export function projectFilter(projectKeys: readonly string[]): string {
  return `project in (${projectKeys.map((key) => `"${key}"`).join(', ')})`;
}

/**
 * Makes sure a connected integration has its admin webhook in Jira: keeps one that is still there,
 * registers one (with a fresh secret) otherwise, and records why when it cannot: no public URL,
 * an account that is not a Jira administrator, or Jira refusing. Returns the resulting status.
 */
export async function ensureWebhook(
  deps: IntegrationCoreDeps,
  integrationId: string,
): Promise<WebhookStatus | null> {
  const integration = await findIntegration(deps.db, integrationId);
  if (integration?.status !== 'connected') return null;
  const save = async (changes: WebhookRowUpdate & { status: WebhookStatus }) => {
    const at = deps.now().toISOString();
    await saveWebhookRow(deps.db, integrationId, {
      ...changes,
      last_checked_at: at,
      updated_at: at,
    });
    return changes.status;
  };
  if (deps.publicUrl === undefined)
    return save({ status: 'no_public_url', error: 'OWLHUB_PUBLIC_URL is not set.' });
  const publicUrl = deps.publicUrl;
  const outcome = await withJiraClient(deps, integration, (client) =>
    registerIfGone(deps, integration, client, publicUrl),
  );
  return save(
    outcome ?? { status: 'missing', error: 'The stored token cannot be used to reach Jira.' },
  );
}

async function registerIfGone(
  deps: IntegrationCoreDeps,
  integration: IntegrationRow,
  client: JiraClient,
  publicUrl: URL,
): Promise<WebhookRowUpdate & { status: WebhookStatus }> {
  const admin = await client.myPermissions({ permissions: ['ADMINISTER'] });
  if (!admin.ok) return { status: 'missing', error: `Jira answered ${admin.error.kind}.` };
  if (admin.value.permissions.ADMINISTER?.havePermission !== true)
    return { status: 'not_admin', error: 'The account is not a Jira administrator.' };

  const current = await findWebhookRow(deps.db, integration.id);
  const listed = await client.listWebhooks();
  if (!listed.ok) return { status: 'missing', error: `Jira answered ${listed.error.kind}.` };
  const projectKeys = await mirroredProjectKeys(deps, integration, client);
  if (!projectKeys.ok)
    return { status: 'missing', error: `Jira answered ${projectKeys.error.kind}.` };
  if (projectKeys.value.length === 0)
    return { status: 'pending', error: 'The account sees no project to watch.' };
  const url = receiverUrl(publicUrl, integration.id);
  const jqlFilter = projectFilter(projectKeys.value);
  const known = current?.jira_webhook_id ?? null;
  const existing = listed.value.find((w) => known !== null && webhookIdOf(w) === known);
  if (known !== null && existing !== undefined) {
    const envelope = current?.secret_ciphertext ?? null;
    const readable =
      envelope !== null && (await openWebhookSecret(deps.keys, integration.id, envelope)) !== null;
    if (readable && existing.url === url && existing.filters?.[FILTER_KEY] === jqlFilter)
      return { status: 'registered', error: null };
    // Outdated (new projects, another public URL) or its secret can no longer be read (a retired
    // key, so no delivery would pass): replace it.
    await client.deleteWebhook(known);
  }
  const secret = generateWebhookSecret();
  // The secret is stored before Jira knows it, so the first delivery can already be verified.
  await saveWebhookRow(deps.db, integration.id, {
    secret_ciphertext: sealWebhookSecret(deps.keys.current(), integration.id, secret),
    updated_at: deps.now().toISOString(),
  });
  const registered = await client.registerWebhook({
    name: `OwlHub: ${integration.name}`,
    url,
    events: WEBHOOK_EVENTS,
    jqlFilter,
    secret,
  });
  if (!registered.ok) {
    if (registered.error.kind === 'forbidden')
      return { status: 'not_admin', error: 'Jira refused to register the webhook.' };
    return { status: 'missing', error: `Jira answered ${registered.error.kind}.` };
  }
  deps.logger.info({ integrationId: integration.id, url }, 'webhook registered in Jira');
  return {
    status: 'registered',
    jira_webhook_id: webhookIdOf(registered.value),
    receiver_url: url,
    jql_filter: jqlFilter,
    error: null,
  };
}

/** The mirrored projects' keys; before the first sync has stored them, the ones the sync will mirror. */
async function mirroredProjectKeys(
  deps: IntegrationCoreDeps,
  integration: IntegrationRow,
  client: JiraClient,
): Promise<{ ok: true; value: string[] } | { ok: false; error: JiraError }> {
  const mirrored = await listProjectRows(deps.db, integration.id);
  const keys = mirrored.flatMap((p) => (p.key === null ? [] : [p.key]));
  if (keys.length > 0) return { ok: true, value: keys.sort() };
  if (integration.deployment !== 'cloud') {
    const listed = await client.listProjects();
    return listed.ok ? { ok: true, value: listed.value.map((p) => p.key).sort() } : listed;
  }
  for await (const page of paginateProjects(client)) {
    if (!page.ok) return page;
    keys.push(...page.items.map((p) => p.key));
  }
  return { ok: true, value: keys.sort() };
}

/** Deletes the integration's webhook in Jira, best effort (the integration is going away). */
export async function unregisterWebhook(
  deps: IntegrationCoreDeps,
  integrationId: string,
): Promise<void> {
  const [integration, webhook] = await Promise.all([
    findIntegration(deps.db, integrationId),
    findWebhookRow(deps.db, integrationId),
  ]);
  const jiraId = webhook?.jira_webhook_id ?? null;
  if (integration === undefined || jiraId === null) return;
  const deleted = await withJiraClient(deps, integration, (client) => client.deleteWebhook(jiraId));
  if (deleted?.ok !== true)
    deps.logger.warn({ integrationId, webhookId: jiraId }, 'webhook not deleted in Jira');
}
