import type { AuditActor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record.ts';
import { ApiError } from '../server/errors.ts';
import type { ActionDeps } from './deps.ts';

/** What an action does, for the audit log. */
export interface ActionRecord {
  actor: AuditActor;
  integrationId: string;
  action: string;
  target: string | null;
  input: Record<string, unknown>;
}

/** Runs a write to Jira and records it in the audit log with its outcome (the error code on failure). */
export async function audited<T>(
  deps: ActionDeps,
  record: ActionRecord,
  work: () => Promise<T>,
): Promise<T> {
  try {
    const result = await work();
    await recordAudit(deps, { ...record, outcome: { ok: true } });
    return result;
  } catch (error) {
    const code = error instanceof ApiError ? error.code : 'internal_error';
    await recordAudit(deps, { ...record, outcome: { ok: false, code } });
    throw error;
  }
}
