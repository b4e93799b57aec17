import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { detectSite } from '../../integrations/detect.ts';
import { parseCreateIntegration } from '../../integrations/input.ts';
import {
  createAndQueueIntegration,
  getIntegrationRow,
  listIntegrationViews,
  removeIntegration,
  reverifyIntegration,
} from '../../integrations/manage.ts';
import { integrationRowToView } from '../../integrations/records.ts';
import { updateIntegrationSettings } from '../../integrations/update.ts';
import { integrationWebhookView } from '../../webhooks/view.ts';
import { requireRole } from '../access.ts';
import type { AppEnv } from '../context.ts';
import { invalidInput } from '../errors.ts';
import {
  CreateIntegrationSchema,
  IntegrationSchema,
  SiteDetectionSchema,
  UpdateIntegrationSchema,
} from '../integration-schemas.ts';
import { ErrorSchema, IdParamSchema, errorResponses } from '../schemas.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const notFound = { description: 'No such integration', ...json(ErrorSchema) };

const list = createRoute({
  method: 'get',
  path: '/',
  summary: 'Every integration with its status',
  responses: {
    200: { description: 'Integrations', ...json(z.object({ items: z.array(IntegrationSchema) })) },
    ...errorResponses,
  },
});

const create = createRoute({
  method: 'post',
  path: '/',
  summary:
    'Add a Jira integration; answers at once with status "pending" and verifies in the background',
  request: { body: { required: true, ...json(CreateIntegrationSchema) } },
  responses: {
    202: { description: 'Saved; verification queued', ...json(IntegrationSchema) },
    ...errorResponses,
  },
});

const get = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'One integration with its last verification checklist',
  request: { params: IdParamSchema },
  responses: {
    200: { description: 'Integration', ...json(IntegrationSchema) },
    ...errorResponses,
    404: notFound,
  },
});

const detect = createRoute({
  method: 'get',
  path: '/detect',
  summary:
    "Tell Cloud from Server/Data Center by the site's anonymous serverInfo (no credentials sent)",
  request: { query: z.object({ siteUrl: z.string().max(2000) }) },
  responses: {
    200: { description: 'What answers at the site', ...json(SiteDetectionSchema) },
    ...errorResponses,
  },
});

const update = createRoute({
  method: 'patch',
  path: '/{id}',
  summary:
    'Rename, or change site or credentials; a new token is verified before it replaces the old one',
  request: { params: IdParamSchema, body: { required: true, ...json(UpdateIntegrationSchema) } },
  responses: {
    200: { description: 'Updated', ...json(IntegrationSchema) },
    ...errorResponses,
    404: notFound,
    422: {
      description: 'The new credentials failed verification; nothing changed',
      ...json(ErrorSchema),
    },
  },
});

const verify = createRoute({
  method: 'post',
  path: '/{id}/verify',
  summary: 'Run verification again',
  request: { params: IdParamSchema },
  responses: {
    202: { description: 'Verification queued', ...json(IntegrationSchema) },
    ...errorResponses,
    404: notFound,
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  summary: 'Delete an integration, its credentials and its mirrored data',
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses, 404: notFound },
});

/** /api/integrations: admins add, change and delete; everyone logged in may look. */
export const integrationRoutes = new OpenAPIHono<AppEnv>()
  .openapi(detect, async (c) => {
    requireRole(c, 'admin');
    return c.json(
      await detectSite(c.req.valid('query').siteUrl, c.get('deps').network, c.get('deps').proxy),
      200,
    );
  })
  .openapi(list, async (c) => {
    requireRole(c, 'viewer');
    return c.json({ items: await listIntegrationViews(c.get('deps')) }, 200);
  })
  .openapi(create, async (c) => {
    const { user } = requireRole(c, 'admin');
    const parsed = parseCreateIntegration(c.req.valid('json'));
    if (!parsed.ok) throw invalidInput(parsed.fields);
    return c.json(await createAndQueueIntegration(c.get('deps'), parsed.value, user.id), 202);
  })
  .openapi(get, async (c) => {
    requireRole(c, 'viewer');
    const row = await getIntegrationRow(c.get('deps'), c.req.valid('param').id);
    const webhook = await integrationWebhookView(c.get('deps').db, row.id);
    return c.json({ ...integrationRowToView(row), webhook }, 200);
  })
  .openapi(update, async (c) => {
    requireRole(c, 'admin');
    const { id } = c.req.valid('param');
    return c.json(await updateIntegrationSettings(c.get('deps'), id, c.req.valid('json')), 200);
  })
  .openapi(verify, async (c) => {
    requireRole(c, 'member');
    return c.json(await reverifyIntegration(c.get('deps'), c.req.valid('param').id), 202);
  })
  .openapi(remove, async (c) => {
    requireRole(c, 'admin');
    await removeIntegration(c.get('deps'), c.req.valid('param').id);
    return c.body(null, 204);
  });
