/** One function per API call the web app makes. */
import { z } from 'zod';
import type {
  CreateIntegrationRequest,
  IntegrationView,
  SiteDetection,
  UpdateIntegrationRequest,
} from '../src/shared/integrations.ts';
import type { SyncMode, SyncRunView } from '../src/shared/mirror.ts';
import { ApiError, callApi, setCsrfToken } from './api.ts';
import type { NewUser, Role, User } from './api-schemas.ts';
import {
  IntegrationListSchema,
  IntegrationSchema,
  NoContentSchema,
  SessionSchema,
  SetupStatusSchema,
  SiteDetectionSchema,
  SyncRunListSchema,
  SyncRunSchema,
  SyncStartedSchema,
  UserSchema,
} from './api-schemas.ts';

/** The logged-in account, or null when nobody is logged in. */
export async function fetchMe(): Promise<User | null> {
  try {
    const session = await callApi('GET', '/api/auth/me', SessionSchema);
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Whether first-run setup is still open (no admin has been created yet). */
export async function fetchSetupOpen(): Promise<boolean> {
  return (await callApi('GET', '/api/auth/setup', SetupStatusSchema)).open;
}

/** Creates the first admin and logs in as them. */
export async function setUp(input: {
  name: string;
  email: string;
  password: string;
}): Promise<User> {
  const session = await callApi('POST', '/api/auth/setup', SessionSchema, input);
  setCsrfToken(session.csrfToken);
  return session.user;
}

/** Logs in with email and password. */
export async function logIn(input: { email: string; password: string }): Promise<User> {
  const session = await callApi('POST', '/api/auth/login', SessionSchema, input);
  setCsrfToken(session.csrfToken);
  return session.user;
}

/** Ends the session. */
export async function logOut(): Promise<void> {
  await callApi('POST', '/api/auth/logout', NoContentSchema);
  setCsrfToken(null);
}

/** Every integration. */
export async function listIntegrations(): Promise<IntegrationView[]> {
  return (await callApi('GET', '/api/integrations', IntegrationListSchema)).items;
}

/** One integration. */
export function getIntegration(id: string): Promise<IntegrationView> {
  return callApi('GET', integrationPath(id), IntegrationSchema);
}

/** Creates an integration; it answers at once with status pending. */
export function createIntegration(input: CreateIntegrationRequest): Promise<IntegrationView> {
  return callApi('POST', '/api/integrations', IntegrationSchema, input);
}

/** Renames it or changes its site or credentials (which re-verifies). */
export function updateIntegration(
  id: string,
  input: UpdateIntegrationRequest,
): Promise<IntegrationView> {
  return callApi('PATCH', integrationPath(id), IntegrationSchema, input);
}

/** Deletes it with its credentials and mirror. */
export async function deleteIntegration(id: string): Promise<void> {
  await callApi('DELETE', integrationPath(id), NoContentSchema);
}

/** Runs verification again; the answer comes through polling. */
export async function verifyIntegration(id: string): Promise<void> {
  await callApi('POST', `${integrationPath(id)}/verify`, z.unknown());
}

/** Asks the server what kind of Jira answers at `siteUrl`. */
export function detectSite(siteUrl: string): Promise<SiteDetection> {
  const query = new URLSearchParams({ siteUrl });
  return callApi('GET', `/api/integrations/detect?${query.toString()}`, SiteDetectionSchema);
}

function integrationPath(id: string): string {
  return `/api/integrations/${encodeURIComponent(id)}`;
}

/** Every account (admins only). */
export async function listUsers(): Promise<User[]> {
  return (await callApi('GET', '/api/users', z.object({ items: z.array(UserSchema) }))).items;
}

/** Creates an account with a role and a first password. */
export function createUser(input: NewUser): Promise<User> {
  return callApi('POST', '/api/users', UserSchema, input);
}

/** Changes an account's role. */
export function changeRole(id: string, role: Role): Promise<User> {
  return callApi('PATCH', `/api/users/${encodeURIComponent(id)}`, UserSchema, { role });
}

/** Deletes an account with its sessions and API keys. */
export async function deleteUser(id: string): Promise<void> {
  await callApi('DELETE', `/api/users/${encodeURIComponent(id)}`, NoContentSchema);
}

/** Starts a sync; answers the new run's id, or the one already queued or running. */
export function startSync(
  integrationId: string,
  mode: SyncMode,
): Promise<{ runId: string; alreadyRunning: boolean }> {
  return callApi('POST', `${integrationPath(integrationId)}/sync`, SyncStartedSchema, { mode });
}

/** An integration's sync runs, newest first. */
export async function listSyncRuns(integrationId: string): Promise<SyncRunView[]> {
  return (await callApi('GET', `${integrationPath(integrationId)}/sync-runs`, SyncRunListSchema))
    .items;
}

/** One sync run with its progress. */
export function getSyncRun(runId: string): Promise<SyncRunView> {
  return callApi('GET', syncRunPath(runId), SyncRunSchema);
}

/** Cancels a queued run at once, or asks a running one to stop; answers the run as it now is. */
export function cancelSyncRun(runId: string): Promise<SyncRunView> {
  return callApi('POST', `${syncRunPath(runId)}/cancel`, SyncRunSchema);
}

function syncRunPath(runId: string): string {
  return `/api/sync-runs/${encodeURIComponent(runId)}`;
}
