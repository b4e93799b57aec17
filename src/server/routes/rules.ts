import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { runRuleByApi } from '../../automation/api-run.ts';
import {
  createRule,
  getRuleRow,
  listRuleViews,
  listRunViews,
  removeRule,
  ruleRowToView,
} from '../../automation/rules.ts';
import { RuleInputSchema } from '../../shared/automation.ts';
import { actorOf } from '../../audit/actor.ts';
import { requireRole } from '../access.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, invalidInput } from '../errors.ts';

const RunInputSchema = z.object({ issueKey: z.string().min(1).max(255).optional() });

async function parseBody<T>(c: Context<AppEnv>, schema: z.ZodType<T>): Promise<T> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new ApiError('invalid_input', 'The body must be JSON.');
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw invalidInput(
    Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'body', i.message])),
  );
}

/** /api/integrations/:id/rules: admins create and delete rules, members run them, anyone looks. */
export const ruleRoutes = new Hono<AppEnv>();

ruleRoutes.get('/:id/rules', async (c) => {
  requireRole(c, 'viewer');
  return c.json({ items: await listRuleViews(c.get('deps'), c.req.param('id')) }, 200);
});

ruleRoutes.post('/:id/rules', async (c) => {
  const principal = requireRole(c, 'admin');
  const input = await parseBody(c, RuleInputSchema);
  return c.json(await createRule(c.get('deps'), actorOf(principal), c.req.param('id'), input), 201);
});

ruleRoutes.get('/:id/rules/:ruleId', async (c) => {
  requireRole(c, 'viewer');
  const row = await getRuleRow(c.get('deps'), c.req.param('id'), c.req.param('ruleId'));
  return c.json(ruleRowToView(row), 200);
});

ruleRoutes.delete('/:id/rules/:ruleId', async (c) => {
  const principal = requireRole(c, 'admin');
  const { id, ruleId } = c.req.param();
  await removeRule(c.get('deps'), actorOf(principal), id, ruleId);
  return c.body(null, 204);
});

ruleRoutes.post('/:id/rules/:ruleId/run', async (c) => {
  requireRole(c, 'member');
  const input = await parseBody(c, RunInputSchema);
  const { id, ruleId } = c.req.param();
  return c.json(await runRuleByApi(c.get('deps'), id, ruleId, input), 200);
});

ruleRoutes.get('/:id/rules/:ruleId/runs', async (c) => {
  requireRole(c, 'viewer');
  const { id, ruleId } = c.req.param();
  return c.json({ items: await listRunViews(c.get('deps'), id, ruleId) }, 200);
});
