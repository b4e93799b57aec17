import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../server/context.ts';
import { actorOf } from './actor.ts';
import { recordAudit } from './record.ts';

const IdBody = z.looseObject({ id: z.string() });
const ErrorBody = z.looseObject({ error: z.looseObject({ code: z.string() }) });
const InputBody = z.record(z.string(), z.unknown());

/** The integration-changing request a method and path are, if any. */
function changeOf(method: string, path: string): { action: string; id: string | null } | null {
  const match = /^\/api\/integrations(?:\/([^/]+))?(\/verify)?\/?$/.exec(path);
  if (match === null) return null;
  const id = match[1] ?? null;
  if (method === 'POST' && id === null) return { action: 'integration.create', id };
  if (id === null || id === 'detect') return null;
  if (method === 'POST' && match[2] !== undefined) return { action: 'integration.verify', id };
  if (match[2] !== undefined) return null;
  if (method === 'PATCH') return { action: 'integration.update', id };
  if (method === 'DELETE') return { action: 'integration.delete', id };
  return null;
}

async function readJson(source: Request | Response): Promise<unknown> {
  try {
    return await source.clone().json();
  } catch {
    return undefined;
  }
}

async function inputOf(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  if (c.req.method === 'DELETE') return {};
  const parsed = InputBody.safeParse(await readJson(c.req.raw));
  return parsed.success ? parsed.data : {};
}

/**
 * Audits every request that changes an integration (create, update or token rotation, delete,
 * verify), with its input minus secrets and its outcome, once the route has answered.
 */
export const auditIntegrationChanges: MiddlewareHandler<AppEnv> = async (c, next) => {
  const change = changeOf(c.req.method, c.req.path);
  if (change === null) return next();
  const input = await inputOf(c);
  await next();
  const principal = c.get('principal');
  if (principal === undefined) return;
  const body = await readJson(c.res);
  const created = IdBody.safeParse(body);
  const failure = ErrorBody.safeParse(body);
  const rotated =
    change.action === 'integration.update' && ('token' in input || 'password' in input);
  await recordAudit(c.get('deps'), {
    actor: actorOf(principal),
    integrationId: change.id ?? (created.success ? created.data.id : null),
    action: rotated ? 'integration.rotate_token' : change.action,
    target: change.id ?? (created.success ? created.data.id : null),
    input,
    outcome: c.res.ok
      ? { ok: true }
      : { ok: false, code: failure.success ? failure.data.error.code : String(c.res.status) },
  });
};
