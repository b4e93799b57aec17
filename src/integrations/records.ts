import { z } from 'zod';
import { CHECK_NAMES } from '../shared/integrations.ts';
import { VERIFICATION_ERROR_CODES } from '../shared/error-codes.ts';
import type { IntegrationRow } from '../storage/schema.ts';
import type { IntegrationView } from '../shared/integrations.ts';

/** The shapes kept in an integration's JSON columns, parsed back whenever they are read. */
export const IntegrationErrorSchema = z.object({
  code: z.enum(VERIFICATION_ERROR_CODES),
  message: z.string(),
  hint: z.string(),
});

/** One verification step as stored. */
export const CheckSchema = z.object({
  name: z.enum(CHECK_NAMES),
  status: z.enum(['passed', 'failed', 'skipped', 'warning']),
  durationMs: z.number(),
  detail: z.string(),
});

/** The Jira account as stored. */
export const AccountSchema = z.object({
  displayName: z.string(),
  emailAddress: z.string().nullable(),
  username: z.string().nullable(),
  accountId: z.string().nullable(),
  timeZone: z.string().nullable(),
});

/** The Jira deployment as stored. */
export const DeploymentInfoSchema = z.object({
  deployment: z.enum(['cloud', 'server', 'datacenter']),
  version: z.string(),
  baseUrl: z.string(),
  serverTitle: z.string().nullable(),
});

/** What the account can see and do, as stored. */
export const AccessSchema = z.object({
  visibleProjects: z.number(),
  permissions: z.record(z.string(), z.boolean()),
});

function parseJson<T>(schema: z.ZodType<T>, text: string | null): T | null {
  if (text === null) return null;
  const parsed = schema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

/** Maps a stored integration to what the API shows: never the secret, only its hint. */
export function integrationRowToView(row: IntegrationRow): IntegrationView {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    siteUrl: row.site_url,
    deployment: row.deployment,
    authType: row.auth_type,
    email: row.email,
    username: row.username,
    tokenHint: row.token_hint,
    allowInsecureHttp: row.allow_insecure_http === 1,
    status: row.status,
    error: parseJson(IntegrationErrorSchema, row.error_json),
    account: parseJson(AccountSchema, row.account_json),
    deploymentInfo: parseJson(DeploymentInfoSchema, row.deployment_info_json),
    access: parseJson(AccessSchema, row.access_json),
    checks: parseJson(z.array(CheckSchema), row.checks_json) ?? [],
    lastVerifiedAt: row.last_verified_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
