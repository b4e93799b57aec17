import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  getIssue,
  listFields,
  listIssues,
  listProjects,
  listRuns,
  listSeenUsers,
  listStatuses,
  startSync,
} from '../../sync/mirror-api.ts';
import { requireRole } from '../access.ts';
import type { AppEnv } from '../context.ts';
import { ErrorSchema, IdParamSchema, errorResponses } from '../schemas.ts';
import {
  IssueQuerySchema,
  MirrorIssueDetailSchema,
  MirrorFieldSchema,
  MirrorIssueSchema,
  MirrorProjectSchema,
  MirrorSeenUserSchema,
  MirrorStatusSchema,
  SyncRunSchema,
} from './mirror-schemas.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const notFound = { description: 'No such integration or issue', ...json(ErrorSchema) };

const sync = createRoute({
  method: 'post',
  path: '/{id}/sync',
  summary: 'Start a sync; answers the run already queued or running, if any',
  request: {
    params: IdParamSchema,
    body: {
      required: true,
      ...json(z.object({ mode: z.enum(['full', 'incremental']).default('incremental') })),
    },
  },
  responses: {
    202: {
      description: 'Queued',
      ...json(z.object({ runId: z.string(), alreadyRunning: z.boolean() })),
    },
    ...errorResponses,
    404: notFound,
    409: { description: 'The integration is not connected', ...json(ErrorSchema) },
  },
});

const runs = createRoute({
  method: 'get',
  path: '/{id}/sync-runs',
  summary: 'Sync runs of an integration, newest first',
  request: { params: IdParamSchema },
  responses: {
    200: { description: 'Runs', ...json(z.object({ items: z.array(SyncRunSchema) })) },
    ...errorResponses,
    404: notFound,
  },
});

const projects = createRoute({
  method: 'get',
  path: '/{id}/projects',
  summary: 'Mirrored projects',
  request: { params: IdParamSchema },
  responses: {
    200: { description: 'Projects', ...json(z.object({ items: z.array(MirrorProjectSchema) })) },
    ...errorResponses,
    404: notFound,
  },
});

/** A GET of one kind of mirrored metadata as `{items}`. */
function metadataRoute<T extends z.ZodType>(path: string, summary: string, item: T) {
  return createRoute({
    method: 'get',
    path,
    summary,
    request: { params: IdParamSchema },
    responses: {
      200: { description: summary, ...json(z.object({ items: z.array(item) })) },
      ...errorResponses,
      404: notFound,
    },
  });
}

const statuses = metadataRoute('/{id}/statuses', 'Mirrored statuses', MirrorStatusSchema);
const fields = metadataRoute('/{id}/fields', 'Mirrored field definitions', MirrorFieldSchema);
const users = metadataRoute('/{id}/users', 'Jira users seen in the mirror', MirrorSeenUserSchema);

const issues = createRoute({
  method: 'get',
  path: '/{id}/issues',
  summary: 'Mirrored issues, most recently updated first, with filters and cursor pagination',
  request: { params: IdParamSchema, query: IssueQuerySchema },
  responses: {
    200: {
      description: 'A page of issues',
      ...json(z.object({ items: z.array(MirrorIssueSchema), nextCursor: z.string().nullable() })),
    },
    ...errorResponses,
    404: notFound,
  },
});

const issue = createRoute({
  method: 'get',
  path: '/{id}/issues/{key}',
  summary: 'One issue with all fields and comments; a key it had before a move works too',
  request: { params: IdParamSchema.extend({ key: z.string().min(1).max(255) }) },
  responses: {
    200: { description: 'The issue', ...json(MirrorIssueDetailSchema) },
    ...errorResponses,
    404: notFound,
  },
});

/** /api/integrations/:id/{sync, sync-runs, projects, statuses, fields, users, issues}: the mirror and its syncs. */
export const mirrorRoutes = new OpenAPIHono<AppEnv>()
  .openapi(sync, async (c) => {
    requireRole(c, 'member');
    const { id } = c.req.valid('param');
    return c.json(await startSync(c.get('deps'), id, c.req.valid('json').mode), 202);
  })
  .openapi(runs, async (c) => {
    requireRole(c, 'viewer');
    return c.json({ items: await listRuns(c.get('deps'), c.req.valid('param').id) }, 200);
  })
  .openapi(projects, async (c) => {
    requireRole(c, 'viewer');
    return c.json({ items: await listProjects(c.get('deps'), c.req.valid('param').id) }, 200);
  })
  .openapi(statuses, async (c) => {
    requireRole(c, 'viewer');
    return c.json({ items: await listStatuses(c.get('deps'), c.req.valid('param').id) }, 200);
  })
  .openapi(fields, async (c) => {
    requireRole(c, 'viewer');
    return c.json({ items: await listFields(c.get('deps'), c.req.valid('param').id) }, 200);
  })
  .openapi(users, async (c) => {
    requireRole(c, 'viewer');
    return c.json({ items: await listSeenUsers(c.get('deps'), c.req.valid('param').id) }, 200);
  })
  .openapi(issues, async (c) => {
    requireRole(c, 'viewer');
    const { cursor, limit, ...filter } = c.req.valid('query');
    const { id } = c.req.valid('param');
    return c.json(await listIssues(c.get('deps'), id, filter, { cursor, limit }), 200);
  })
  .openapi(issue, async (c) => {
    requireRole(c, 'viewer');
    const { id, key } = c.req.valid('param');
    return c.json(await getIssue(c.get('deps'), id, key), 200);
  });
