import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { insertAuditRow } from '../storage/audit-log.ts';
import type { Database } from '../storage/schema.ts';
import type { AuditActor } from './actor.ts';
import { auditSummary } from './summary.ts';

/** One audited change, from any source: a request, an action, an automation rule. */
export interface AuditEvent {
  actor: AuditActor;
  integrationId: string | null;
  action: string;
  target: string | null;
  /** The input; secrets are redacted before it is stored. */
  input: Record<string, unknown>;
  outcome: { ok: true } | { ok: false; code: string };
}

/** Appends an event to the audit log. */
export async function recordAudit(
  deps: { db: Kysely<Database>; now: () => Date },
  event: AuditEvent,
): Promise<void> {
  const { actor } = event;
  await insertAuditRow(deps.db, {
    id: randomUUID(),
    at: deps.now().toISOString(),
    actor_type: actor.type,
    actor_id: actor.type === 'system' ? null : actor.id,
    actor_label: actor.label ?? null,
    integration_id: event.integrationId,
    action: event.action,
    target: event.target,
    summary_json: JSON.stringify(auditSummary(event.input)),
    outcome: event.outcome.ok ? 'ok' : 'error',
    error_code: event.outcome.ok ? null : event.outcome.code,
  });
}
