import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { assignIssue } from '../../actions/assign-issue.ts';
import { commentIssue } from '../../actions/comment-issue.ts';
import { listCreateFields, listCreateIssueTypes } from '../../actions/create-meta.ts';
import { createIssue } from '../../actions/create-issue.ts';
import { runIdempotent } from '../../actions/idempotency.ts';
import { listTransitions, transitionIssue } from '../../actions/transition-issue.ts';
import { actorOf } from '../../audit/actor.ts';
import { requireRole } from '../access.ts';
import type { AppEnv } from '../context.ts';
import { ErrorSchema, IdParamSchema, errorResponses } from '../schemas.ts';
import {
  AddedCommentSchema,
  AssigneeBodySchema,
  CommentBodySchema,
  CreateFieldSchema,
  CreateIssueBodySchema,
  CreateIssueTypeSchema,
  IdempotencyHeaderSchema,
  IssueParamSchema,
  IssueTypeParamSchema,
  ProjectParamSchema,
  TransitionBodySchema,
  TransitionSchema,
} from './action-schemas.ts';
import { MirrorIssueDetailSchema } from './mirror-schemas.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const failures = {
  ...errorResponses,
  404: { description: 'No such integration, project or issue', ...json(ErrorSchema) },
  409: {
    description: 'Not connected, or Idempotency-Key reused with another body or still running',
    ...json(ErrorSchema),
  },
  422: { description: 'Jira refused the credentials or permission', ...json(ErrorSchema) },
  502: { description: 'Jira failed', ...json(ErrorSchema) },
};
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });
const items = <T extends z.ZodType>(schema: T) => json(z.object({ items: z.array(schema) }));

const issueTypes = createRoute({
  method: 'get',
  path: '/{id}/projects/{projectKey}/create-meta',
  summary: 'Issue types one may create in a project (members and admins)',
  request: { params: ProjectParamSchema },
  responses: { 200: { description: 'Issue types', ...items(CreateIssueTypeSchema) }, ...failures },
});

const fields = createRoute({
  method: 'get',
  path: '/{id}/projects/{projectKey}/create-meta/{issueTypeId}',
  summary: 'Fields of the create screen of an issue type, for a form',
  request: { params: IssueTypeParamSchema },
  responses: { 200: { description: 'Fields', ...items(CreateFieldSchema) }, ...failures },
});

const create = createRoute({
  method: 'post',
  path: '/{id}/issues',
  summary: "Create an issue in Jira; Jira's field errors come back in error.fields",
  request: {
    params: IdParamSchema,
    headers: IdempotencyHeaderSchema,
    ...body(CreateIssueBodySchema),
  },
  responses: {
    201: { description: 'Created and mirrored', ...json(MirrorIssueDetailSchema) },
    ...failures,
  },
});

const transitions = createRoute({
  method: 'get',
  path: '/{id}/issues/{key}/transitions',
  summary: 'Transitions Jira offers on an issue now',
  request: { params: IssueParamSchema },
  responses: { 200: { description: 'Transitions', ...items(TransitionSchema) }, ...failures },
});

const transition = createRoute({
  method: 'post',
  path: '/{id}/issues/{key}/transitions',
  summary: 'Apply a transition',
  request: { params: IssueParamSchema, ...body(TransitionBodySchema) },
  responses: {
    200: { description: 'Transitioned and mirrored', ...json(MirrorIssueDetailSchema) },
    ...failures,
  },
});

const comment = createRoute({
  method: 'post',
  path: '/{id}/issues/{key}/comments',
  summary: 'Add a plain-text comment (ADF on Cloud, wiki text on Data Center)',
  request: {
    params: IssueParamSchema,
    headers: IdempotencyHeaderSchema,
    ...body(CommentBodySchema),
  },
  responses: {
    201: { description: 'Commented and mirrored', ...json(AddedCommentSchema) },
    ...failures,
  },
});

const assign = createRoute({
  method: 'put',
  path: '/{id}/issues/{key}/assignee',
  summary: 'Assign ({accountId} on Cloud, {name} on Data Center) or unassign (null)',
  request: { params: IssueParamSchema, ...body(AssigneeBodySchema) },
  responses: {
    200: { description: 'Assigned and mirrored', ...json(MirrorIssueDetailSchema) },
    ...failures,
  },
});

/** Actions on Jira through an integration: create (with its metadata), transition, comment, assign. */
export const actionRoutes = new OpenAPIHono<AppEnv>()
  .openapi(issueTypes, async (c) => {
    requireRole(c, 'member');
    const { id, projectKey } = c.req.valid('param');
    return c.json({ items: await listCreateIssueTypes(c.get('deps'), id, projectKey) }, 200);
  })
  .openapi(fields, async (c) => {
    requireRole(c, 'member');
    const { id, projectKey, issueTypeId } = c.req.valid('param');
    return c.json(
      { items: await listCreateFields(c.get('deps'), id, projectKey, issueTypeId) },
      200,
    );
  })
  .openapi(create, async (c) => {
    const principal = requireRole(c, 'member');
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const answer = await runIdempotent(
      c.get('deps'),
      {
        successStatus: 201,
        userId: principal.user.id,
        integrationId: id,
        key: c.req.valid('header')['idempotency-key'],
        action: 'create',
        input,
      },
      (stored) => MirrorIssueDetailSchema.parse(stored),
      () => createIssue(c.get('deps'), actorOf(principal), id, input),
    );
    if (answer.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(answer.body, 201);
  })
  .openapi(transitions, async (c) => {
    requireRole(c, 'member');
    const { id, key } = c.req.valid('param');
    return c.json({ items: await listTransitions(c.get('deps'), id, key) }, 200);
  })
  .openapi(transition, async (c) => {
    const principal = requireRole(c, 'member');
    const { id, key } = c.req.valid('param');
    const issue = await transitionIssue(
      c.get('deps'),
      actorOf(principal),
      id,
      key,
      c.req.valid('json'),
    );
    return c.json(issue, 200);
  })
  .openapi(comment, async (c) => {
    const principal = requireRole(c, 'member');
    const { id, key } = c.req.valid('param');
    const input = c.req.valid('json');
    const answer = await runIdempotent(
      c.get('deps'),
      {
        successStatus: 201,
        userId: principal.user.id,
        integrationId: id,
        key: c.req.valid('header')['idempotency-key'],
        action: `comment ${key}`,
        input,
      },
      (stored) => AddedCommentSchema.parse(stored),
      () => commentIssue(c.get('deps'), actorOf(principal), id, key, input),
    );
    if (answer.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(answer.body, 201);
  })
  .openapi(assign, async (c) => {
    const principal = requireRole(c, 'member');
    const { id, key } = c.req.valid('param');
    const issue = await assignIssue(
      c.get('deps'),
      actorOf(principal),
      id,
      key,
      c.req.valid('json'),
    );
    return c.json(issue, 200);
  });
