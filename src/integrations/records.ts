import { z } from 'zod';
import {
  AccessSchema,
  AccountSchema,
  CheckSchema,
  DeploymentInfoSchema,
  IntegrationErrorSchema,
} from '../shared/integration-schemas.ts';
import type { IntegrationRow } from '../storage/schema.ts';
import type { IntegrationView } from '../shared/integrations.ts';

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
