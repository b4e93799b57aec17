import { randomUUID } from 'node:crypto';
import { ApiError, notFound } from '../server/errors.ts';
import type { IntegrationView } from '../shared/integrations.ts';
import {
  deleteIntegration,
  findIntegration,
  insertIntegration,
  listIntegrations,
} from '../storage/integrations.ts';
import type { IntegrationRow } from '../storage/schema.ts';
import { sealCredentials } from './credentials.ts';
import type { IntegrationCoreDeps, IntegrationDeps } from './deps.ts';
import type { IntegrationInput } from './input.ts';
import { requestVerification } from './jobs.ts';
import { integrationRowToView } from './records.ts';
import { unregisterWebhook } from '../webhooks/registration.ts';

/** Saves a new integration as pending; the caller verifies it (in the background, or at once in the CLI). */
export async function createIntegration(
  deps: IntegrationCoreDeps,
  input: IntegrationInput,
  createdBy: string | null,
): Promise<IntegrationRow> {
  const id = randomUUID();
  const at = deps.now().toISOString();
  const row: IntegrationRow = {
    id,
    type: 'jira',
    name: input.name,
    site_url: input.siteUrl,
    allow_insecure_http: input.allowInsecureHttp ? 1 : 0,
    ...sealCredentials(deps.keys.current(), id, input.credentials),
    deployment: null,
    status: 'pending',
    error_json: null,
    account_json: null,
    deployment_info_json: null,
    access_json: null,
    checks_json: '[]',
    settings_version: 1,
    consecutive_failures: 0,
    last_verified_at: null,
    next_check_at: null,
    created_by: createdBy,
    created_at: at,
    updated_at: at,
  };
  await insertIntegration(deps.db, row);
  return row;
}

/** Saves a new integration as pending and queues its verification. */
export async function createAndQueueIntegration(
  deps: IntegrationDeps,
  input: IntegrationInput,
  createdBy: string,
): Promise<IntegrationView> {
  const row = await createIntegration(deps, input, createdBy);
  await requestVerification(deps.jobs, row.id, row.settings_version);
  return integrationRowToView(row);
}

/** Every integration as the API shows it. */
export async function listIntegrationViews(
  deps: Pick<IntegrationDeps, 'db'>,
): Promise<IntegrationView[]> {
  return (await listIntegrations(deps.db)).map(integrationRowToView);
}

/** One integration's row; 404 when it does not exist. */
export async function getIntegrationRow(
  deps: Pick<IntegrationDeps, 'db'>,
  id: string,
): Promise<IntegrationRow> {
  const row = await findIntegration(deps.db, id);
  if (!row) throw notFound('The integration');
  return row;
}

/** Queues a new verification of the integration's current settings. */
export async function reverifyIntegration(
  deps: IntegrationDeps,
  id: string,
): Promise<IntegrationView> {
  const row = await getIntegrationRow(deps, id);
  if (row.secret_ciphertext === null) {
    throw new ApiError('invalid_input', 'This integration has no credentials to verify.', {
      hint: 'Enter the token again (Edit › Access Token).',
      fields: { token: 'Enter the token again.' },
    });
  }
  await requestVerification(deps.jobs, id, row.settings_version);
  return integrationRowToView(row);
}

/** Deletes an integration with its credentials (and, through the schema, its mirrored data). */
export async function removeIntegration(deps: IntegrationCoreDeps, id: string): Promise<void> {
  // While the credentials are still there: the webhook in Jira would otherwise call a dead URL.
  await unregisterWebhook(deps, id);
  if (!(await deleteIntegration(deps.db, id))) throw notFound('The integration');
}
