import { z } from '@hono/zod-openapi';
import { IntegrationViewSchema, SiteDetectionViewSchema } from '../shared/integration-schemas.ts';

const AuthTypeSchema = z.enum(['cloud_token', 'personal_access_token', 'basic_password']);

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

// Rebuilt from the shared shapes with this module's `z`: a schema made before @hono/zod-openapi
// was loaded (the CLI loads the shared module first) has no `.openapi()`.

/** An integration as the API shows it (the shared schema, named for the OpenAPI document). */
export const IntegrationSchema = z.object(IntegrationViewSchema.shape).openapi('Integration');

/** What GET /api/integrations/detect answers. */
export const SiteDetectionSchema = z.object(SiteDetectionViewSchema.shape).openapi('SiteDetection');
