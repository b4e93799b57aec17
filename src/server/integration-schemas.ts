import { z } from '@hono/zod-openapi';
import { VERIFICATION_ERROR_CODES } from '../shared/error-codes.ts';
import type { IntegrationView, SiteDetection } from '../shared/integrations.ts';
import { CHECK_NAMES } from '../shared/integrations.ts';

const DeploymentSchema = z.enum(['cloud', 'server', 'datacenter']);
const AuthTypeSchema = z.enum(['cloud_token', 'personal_access_token', 'basic_password']);
const IntegrationErrorSchema = z.object({
  code: z.enum(VERIFICATION_ERROR_CODES),
  message: z.string(),
  hint: z.string(),
});

/** The body of POST /api/integrations; semantic checks follow in integrations/input.ts. */
export const CreateIntegrationSchema = z
  .object({
    type: z.string().openapi({ example: 'jira' }),
    name: z.string().optional().openapi({ example: 'Jira Production' }),
    siteUrl: z.string().optional().openapi({ example: 'https://your-domain.atlassian.net' }),
    protocol: z.enum(['https', 'http'], { error: 'Choose HTTPS or HTTP.' }).optional(),
    hostname: z.string().optional().openapi({ example: 'yourcompany.atlassian.net' }),
    authType: AuthTypeSchema.optional(),
    email: z.string().optional(),
    token: z.string().optional(),
    username: z.string().optional(),
    password: z.string().optional(),
    allowInsecureHttp: z.boolean().optional(),
  })
  .openapi('CreateIntegration');

/** The body of PATCH /api/integrations/:id. */
export const UpdateIntegrationSchema = CreateIntegrationSchema.omit({ type: true }).openapi(
  'UpdateIntegration',
);

/** An integration as the API shows it; `satisfies` keeps it equal to the shared contract. */
export const IntegrationSchema = z
  .object({
    id: z.string(),
    type: z.literal('jira'),
    name: z.string(),
    siteUrl: z.string(),
    deployment: DeploymentSchema.nullable(),
    authType: AuthTypeSchema,
    email: z.string().nullable(),
    username: z.string().nullable(),
    tokenHint: z.string().nullable(),
    allowInsecureHttp: z.boolean(),
    status: z.enum(['pending', 'connected', 'failed']),
    error: IntegrationErrorSchema.nullable(),
    account: z
      .object({
        displayName: z.string(),
        emailAddress: z.string().nullable(),
        username: z.string().nullable(),
        accountId: z.string().nullable(),
        timeZone: z.string().nullable(),
      })
      .nullable(),
    deploymentInfo: z
      .object({
        deployment: DeploymentSchema,
        version: z.string(),
        baseUrl: z.string(),
        serverTitle: z.string().nullable(),
      })
      .nullable(),
    access: z
      .object({ visibleProjects: z.number(), permissions: z.record(z.string(), z.boolean()) })
      .nullable(),
    checks: z.array(
      z.object({
        name: z.enum(CHECK_NAMES),
        status: z.enum(['passed', 'failed', 'skipped', 'warning']),
        durationMs: z.number(),
        detail: z.string(),
      }),
    ),
    lastVerifiedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Integration') satisfies z.ZodType<IntegrationView>;

/** What GET /api/integrations/detect answers. */
export const SiteDetectionSchema = z
  .object({
    siteUrl: z.string(),
    deployment: DeploymentSchema.nullable(),
    version: z.string().nullable(),
    error: IntegrationErrorSchema.nullable(),
  })
  .openapi('SiteDetection') satisfies z.ZodType<SiteDetection>;
