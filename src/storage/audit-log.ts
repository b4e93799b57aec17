import type { Kysely } from 'kysely';
import type { AuditRow, NewAuditRow } from './actions-schema.ts';
import type { Database } from './schema.ts';

/** Appends an entry to the audit log. */
export async function insertAuditRow(db: Kysely<Database>, row: NewAuditRow): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

/** Where a page of the log starts: after this entry, newest first. */
export interface AuditCursor {
  at: string;
  id: string;
}

/** Entries newest first, optionally of one integration, after a cursor. */
export async function listAuditRows(
  db: Kysely<Database>,
  query: { integrationId?: string | undefined; after?: AuditCursor | undefined; limit: number },
): Promise<AuditRow[]> {
  let select = db.selectFrom('audit_log').selectAll();
  if (query.integrationId !== undefined)
    select = select.where('integration_id', '=', query.integrationId);
  const { after } = query;
  if (after !== undefined)
    select = select.where((eb) =>
      eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]),
    );
  return select.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
}
