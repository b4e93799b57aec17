import type { Kysely } from 'kysely';
import { CompiledQuery } from 'kysely';
import type PgBoss from 'pg-boss';
import type { Database } from '../storage/schema.ts';

/**
 * Lets pg-boss run its SQL through our Kysely pool (or a transaction), so the queue needs no
 * connection URL or pool of its own, and a job can be inserted in the caller's transaction.
 */
export function pgBossDb(db: Kysely<Database>): PgBoss.Db {
  return {
    executeSql: async (text: string, values: readonly unknown[] | undefined) => {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ? [...values] : []));
      return { rows: [...result.rows] };
    },
  };
}
