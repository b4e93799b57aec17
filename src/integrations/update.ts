import { ApiError, invalidInput } from '../server/errors.ts';
import type { IntegrationView, UpdateIntegrationRequest } from '../shared/integrations.ts';
import {
  findIntegration,
  updateIntegration,
  updateIntegrationIfVersion,
} from '../storage/integrations.ts';
import type { IntegrationRow } from '../storage/schema.ts';
import { outcomeToChanges } from './apply-outcome.ts';
import { openCredentials, sealCredentials } from './credentials.ts';
import type { IntegrationCoreDeps, IntegrationDeps } from './deps.ts';
import { parseCreateIntegration } from './input.ts';
import type { IntegrationInput } from './input.ts';
import { requestVerification } from './jobs.ts';
import { getIntegrationRow } from './manage.ts';
import { integrationRowToView } from './records.ts';
import { verifyConnection } from './verification/chain.ts';

/** An edit as parsed from JSON, where an absent field may also arrive as undefined. */
export type IntegrationEdit = {
  [K in keyof UpdateIntegrationRequest]?: UpdateIntegrationRequest[K] | undefined;
};

/**
 * Applies an edit. A rename just renames. A new token or password is verified first and swapped in
 * only if it works (otherwise the old one stays and the answer says why). A new site URL without
 * new credentials clears the stored secret: a token must never follow a URL to another host.
 */
export async function updateIntegrationSettings(
  deps: IntegrationDeps,
  id: string,
  request: IntegrationEdit,
): Promise<IntegrationView> {
  const row = await getIntegrationRow(deps, id);
  const input = mergedInput(deps, row, request);
  const at = deps.now().toISOString();
  const siteChanged = input.siteUrl !== row.site_url;
  const newSecret = request.token !== undefined || request.password !== undefined;
  const credentialsChanged =
    newSecret ||
    request.email !== undefined ||
    request.username !== undefined ||
    request.authType !== undefined;

  if (!siteChanged && !credentialsChanged) {
    await updateIntegration(deps.db, id, {
      name: input.name,
      allow_insecure_http: input.allowInsecureHttp ? 1 : 0,
      updated_at: at,
    });
    return view(deps, id);
  }
  if (siteChanged && !newSecret) {
    await updateIntegration(deps.db, id, {
      name: input.name,
      site_url: input.siteUrl,
      allow_insecure_http: input.allowInsecureHttp ? 1 : 0,
      secret_ciphertext: null,
      token_hint: null,
      status: 'failed',
      error_json: JSON.stringify({
        code: 'invalid_credentials',
        message: 'The site URL changed, so the stored token was cleared.',
        hint: 'Enter the token again for the new site.',
      }),
      settings_version: row.settings_version + 1,
      next_check_at: null,
      updated_at: at,
    });
    return view(deps, id);
  }
  if (!newSecret) {
    if (row.secret_ciphertext === null) {
      throw invalidInput({
        [row.auth_type === 'basic_password' ? 'password' : 'token']:
          'Enter it again: it was cleared.',
      });
    }
    const sealed = sealCredentials(deps.keys.current(), id, input.credentials);
    const version = row.settings_version + 1;
    await updateIntegration(deps.db, id, {
      ...sealed,
      name: input.name,
      status: 'pending',
      settings_version: version,
      updated_at: at,
    });
    await requestVerification(deps.jobs, id, version);
    return view(deps, id);
  }
  return swapVerifiedCredentials(deps, row, input);
}

/** Replaces the token (or password) after verifying it; the CLI's rotate-token. */
export async function replaceSecret(
  deps: IntegrationCoreDeps,
  id: string,
  secret: string,
): Promise<IntegrationView> {
  const row = await getIntegrationRow(deps, id);
  const edit = row.auth_type === 'basic_password' ? { password: secret } : { token: secret };
  return swapVerifiedCredentials(deps, row, mergedInput(deps, row, edit));
}

async function swapVerifiedCredentials(
  deps: IntegrationCoreDeps,
  row: IntegrationRow,
  input: IntegrationInput,
): Promise<IntegrationView> {
  const outcome = await verifyConnection(
    { siteUrl: input.siteUrl, credentials: input.credentials },
    { policy: deps.network, proxy: deps.proxy },
  );
  if (outcome.status === 'failed') {
    throw new ApiError(
      outcome.error.code,
      `The new credentials were not saved: ${outcome.error.message}`,
      {
        hint: `${outcome.error.hint} The previous credentials are still in use.`,
      },
    );
  }
  const version = row.settings_version + 1;
  const { changes } = outcomeToChanges(row, outcome, deps.now());
  const saved = await updateIntegrationIfVersion(deps.db, row.id, row.settings_version, {
    ...changes,
    ...sealCredentials(deps.keys.current(), row.id, input.credentials),
    name: input.name,
    site_url: input.siteUrl,
    allow_insecure_http: input.allowInsecureHttp ? 1 : 0,
    settings_version: version,
  });
  if (!saved) {
    throw new ApiError('conflict', 'The integration was changed by someone else meanwhile.', {
      hint: 'Reload and try again.',
    });
  }
  return view(deps, row.id);
}

/** The request laid over the stored settings, checked like a new integration. */
function mergedInput(
  deps: IntegrationCoreDeps,
  row: IntegrationRow,
  request: IntegrationEdit,
): IntegrationInput {
  const usesNewSite = request.siteUrl !== undefined || request.hostname !== undefined;
  const current = openCredentials(deps.keys.current(), row);
  const currentSecret = current.ok
    ? current.value.authType === 'basic_password'
      ? current.value.password
      : current.value.token
    : undefined;
  const authType = request.authType ?? row.auth_type;
  const secret = authType === 'basic_password' ? request.password : request.token;
  // A stand-in keeps the secret's own checks quiet when the secret is not being changed.
  const keptSecret = currentSecret ?? 'cleared-secret';
  const parsed = parseCreateIntegration({
    type: 'jira',
    name: request.name ?? row.name,
    ...(usesNewSite ? {} : { siteUrl: row.site_url }),
    ...(request.siteUrl === undefined ? {} : { siteUrl: request.siteUrl }),
    ...(request.protocol === undefined ? {} : { protocol: request.protocol }),
    ...(request.hostname === undefined ? {} : { hostname: request.hostname }),
    authType,
    ...(authType === 'cloud_token' ? { email: request.email ?? row.email ?? '' } : {}),
    ...(authType === 'basic_password'
      ? { username: request.username ?? row.username ?? '', password: secret ?? keptSecret }
      : {}),
    ...(authType === 'basic_password' ? {} : { token: secret ?? keptSecret }),
    allowInsecureHttp: request.allowInsecureHttp ?? row.allow_insecure_http === 1,
  });
  if (!parsed.ok) throw invalidInput(parsed.fields);
  return parsed.value;
}

async function view(deps: IntegrationCoreDeps, id: string): Promise<IntegrationView> {
  const row = await findIntegration(deps.db, id);
  if (!row) throw new ApiError('not_found', 'The integration was not found.');
  return integrationRowToView(row);
}
