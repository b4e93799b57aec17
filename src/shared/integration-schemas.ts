/**
 * The integration contract as zod schemas, one definition for the server (responses and stored
 * JSON columns) and the web app (parsing answers); `satisfies` keeps them equal to the types.
 */
import { z } from 'zod';
import { VERIFICATION_ERROR_CODES } from './error-codes.ts';
import type {
  IntegrationView,
  IntegrationWebhook,
  SiteDetection,
  VerificationCheck,
} from './integrations.ts';
import { CHECK_NAMES } from './integrations.ts';

/** Which kind of Jira answers at a site. */
export const DeploymentSchema = z.enum(['cloud', 'server', 'datacenter']);

/** Why an integration is not connected. */
export const IntegrationErrorSchema = z.object({
  code: z.enum(VERIFICATION_ERROR_CODES),
  message: z.string(),
  hint: z.string(),
});

/** One verification step. */
export const CheckSchema = z.object({
  name: z.enum(CHECK_NAMES),
  status: z.enum(['passed', 'failed', 'skipped', 'warning']),
  durationMs: z.number(),
  detail: z.string(),
}) satisfies z.ZodType<VerificationCheck>;

/** Who OwlHub acts as in Jira. */
export const AccountSchema = z.object({
  displayName: z.string(),
  emailAddress: z.string().nullable(),
  username: z.string().nullable(),
  accountId: z.string().nullable(),
  timeZone: z.string().nullable(),
});

/** What answered at the site. */
export const DeploymentInfoSchema = z.object({
  deployment: DeploymentSchema,
  version: z.string(),
  baseUrl: z.string(),
  serverTitle: z.string().nullable(),
});

/** What the account can see and do. */
export const AccessSchema = z.object({
  visibleProjects: z.number(),
  permissions: z.record(z.string(), z.boolean()),
});

/** The integration's Jira webhook. */
export const IntegrationWebhookSchema = z.object({
  status: z.enum(['pending', 'registered', 'not_admin', 'no_public_url', 'missing']),
  registered: z.boolean(),
  receiverUrl: z.string().nullable(),
  lastDeliveryAt: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
  refused: z.number(),
  error: z.string().nullable(),
}) satisfies z.ZodType<IntegrationWebhook>;

/** An integration as the API shows it. */
export const IntegrationViewSchema = z.object({
  id: z.string(),
  type: z.literal('jira'),
  name: z.string(),
  siteUrl: z.string(),
  deployment: DeploymentSchema.nullable(),
  authType: z.enum(['cloud_token', 'personal_access_token', 'basic_password']),
  email: z.string().nullable(),
  username: z.string().nullable(),
  tokenHint: z.string().nullable(),
  allowInsecureHttp: z.boolean(),
  status: z.enum(['pending', 'connected', 'failed']),
  error: IntegrationErrorSchema.nullable(),
  account: AccountSchema.nullable(),
  deploymentInfo: DeploymentInfoSchema.nullable(),
  access: AccessSchema.nullable(),
  checks: z.array(CheckSchema),
  lastVerifiedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  webhook: IntegrationWebhookSchema.nullable().optional(),
}) satisfies z.ZodType<IntegrationView>;

/** What site detection answers. */
export const SiteDetectionViewSchema = z.object({
  siteUrl: z.string(),
  deployment: DeploymentSchema.nullable(),
  version: z.string().nullable(),
  error: IntegrationErrorSchema.nullable(),
}) satisfies z.ZodType<SiteDetection>;
