import type { Kysely } from 'kysely';
import { z } from 'zod';
import { invalidInput } from '../server/errors.ts';
import type { AuditActorView, AuditEntryView } from '../shared/audit.ts';
import type { AuditRow } from '../storage/actions-schema.ts';
import { listAuditRows, type AuditCursor } from '../storage/audit-log.ts';
import type { Database } from '../storage/schema.ts';

const CursorSchema = z.object({ at: z.string(), id: z.string() });
const SummarySchema = z.record(z.string(), z.unknown());

function decodeCursor(cursor: string): AuditCursor {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalidInput({ cursor: 'Use the nextCursor of the previous page as it was given.' });
  }
}

function actorView(row: AuditRow): AuditActorView {
  const label = row.actor_label;
  if (row.actor_type === 'system' || row.actor_id === null)
    return { type: 'system', id: null, label };
  return row.actor_type === 'rule'
    ? { type: 'rule', id: row.actor_id, label }
    : { type: row.actor_type, id: row.actor_id, label };
}

/** An audit row as the API shows it. */
export function auditRowToEntry(row: AuditRow): AuditEntryView {
  const summary = SummarySchema.safeParse(JSON.parse(row.summary_json));
  return {
    id: row.id,
    at: row.at,
    actor: actorView(row),
    integrationId: row.integration_id,
    action: row.action,
    target: row.target,
    summary: summary.success ? summary.data : {},
    outcome: row.outcome,
    errorCode: row.error_code,
  };
}

/** One page of the audit log, newest first, optionally of one integration. */
export async function listAudit(
  db: Kysely<Database>,
  query: { integrationId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  const rows = await listAuditRows(db, {
    integrationId: query.integrationId,
    after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > query.limit && last !== undefined
      ? Buffer.from(JSON.stringify({ at: last.at, id: last.id })).toString('base64url')
      : null;
  return { items: items.map(auditRowToEntry), nextCursor };
}
