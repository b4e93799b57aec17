import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { runRuleByApi } from '../../automation/api-run.ts';
import {
  createRule,
  getRuleRow,
  listRuleViews,
  listRunViews,
  removeRule,
  ruleRowToView,
  updateRule,
} from '../../automation/rules.ts';
import { actorOf } from '../../audit/actor.ts';
import { RuleInputSchema, RuleRunViewSchema, RuleViewSchema } from '../../shared/automation.ts';
import { requireRole } from '../access.ts';
import type { AppEnv } from '../context.ts';
import { ErrorSchema, errorResponses } from '../schemas.ts';

// The shared shapes rebuilt with this module's `z`, so that `.openapi()` exists whatever loaded first.
const RuleInput = z.object(RuleInputSchema.shape).openapi('RuleInput');
const Rule = z.object(RuleViewSchema.shape).openapi('Rule');
const RuleRun = z.object(RuleRunViewSchema.shape).openapi('RuleRun');
const RunInput = z
  .object({ issueKey: z.string().min(1).max(255).optional() })
  .openapi('RuleRunInput');

const IntegrationParams = z.object({ id: z.string().min(1).max(100) });
const RuleParams = IntegrationParams.extend({ ruleId: z.string().min(1).max(100) });

const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
const notFound = json('No such integration or rule', ErrorSchema);
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const list = createRoute({
  method: 'get',
  path: '/{id}/rules',
  summary: "An integration's automation rules",
  request: { params: IntegrationParams },
  responses: {
    200: json('The rules, oldest first', z.object({ items: z.array(Rule) })),
    ...errorResponses,
    404: notFound,
  },
});

const create = createRoute({
  method: 'post',
  path: '/{id}/rules',
  summary: 'Create an automation rule (admins)',
  description:
    'The answer carries the secret that signs the rule’s outbound events (`X-OwlHub-Signature`), ' +
    'shown this once.',
  request: { params: IntegrationParams, ...body(RuleInput) },
  responses: {
    201: json(
      'The rule and its signing secret',
      z.object({ rule: Rule, signingSecret: z.string() }),
    ),
    ...errorResponses,
    404: notFound,
  },
});

const get = createRoute({
  method: 'get',
  path: '/{id}/rules/{ruleId}',
  summary: 'One automation rule',
  request: { params: RuleParams },
  responses: { 200: json('The rule', Rule), ...errorResponses, 404: notFound },
});

const update = createRoute({
  method: 'put',
  path: '/{id}/rules/{ruleId}',
  summary: 'Change an automation rule (admins); its signing secret and run log stay',
  request: { params: RuleParams, ...body(RuleInput) },
  responses: { 200: json('The rule as changed', Rule), ...errorResponses, 404: notFound },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}/rules/{ruleId}',
  summary: 'Delete an automation rule and its run log (admins)',
  request: { params: RuleParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses, 404: notFound },
});

const run = createRoute({
  method: 'post',
  path: '/{id}/rules/{ruleId}/run',
  summary: 'Run an API-triggered rule now (members and admins)',
  request: { params: RuleParams, ...body(RunInput) },
  responses: { 200: json('The run and its outcome', RuleRun), ...errorResponses, 404: notFound },
});

const runs = createRoute({
  method: 'get',
  path: '/{id}/rules/{ruleId}/runs',
  summary: "A rule's runs with their outcomes, newest first",
  request: { params: RuleParams },
  responses: {
    200: json('The runs', z.object({ items: z.array(RuleRun) })),
    ...errorResponses,
    404: notFound,
  },
});

/** /api/integrations/:id/rules: admins create, change and delete rules, members run them, anyone looks. */
export const ruleRoutes = new OpenAPIHono<AppEnv>()
  .openapi(list, async (c) => {
    requireRole(c, 'viewer');
    return c.json({ items: await listRuleViews(c.get('deps'), c.req.valid('param').id) }, 200);
  })
  .openapi(create, async (c) => {
    const principal = requireRole(c, 'admin');
    const { id } = c.req.valid('param');
    return c.json(
      await createRule(c.get('deps'), actorOf(principal), id, c.req.valid('json')),
      201,
    );
  })
  .openapi(get, async (c) => {
    requireRole(c, 'viewer');
    const { id, ruleId } = c.req.valid('param');
    return c.json(ruleRowToView(await getRuleRow(c.get('deps'), id, ruleId)), 200);
  })
  .openapi(update, async (c) => {
    const principal = requireRole(c, 'admin');
    const { id, ruleId } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(await updateRule(c.get('deps'), actorOf(principal), id, ruleId, input), 200);
  })
  .openapi(remove, async (c) => {
    const principal = requireRole(c, 'admin');
    const { id, ruleId } = c.req.valid('param');
    await removeRule(c.get('deps'), actorOf(principal), id, ruleId);
    return c.body(null, 204);
  })
  .openapi(run, async (c) => {
    requireRole(c, 'member');
    const { id, ruleId } = c.req.valid('param');
    return c.json(await runRuleByApi(c.get('deps'), id, ruleId, c.req.valid('json')), 200);
  })
  .openapi(runs, async (c) => {
    requireRole(c, 'viewer');
    const { id, ruleId } = c.req.valid('param');
    return c.json({ items: await listRunViews(c.get('deps'), id, ruleId) }, 200);
  });
