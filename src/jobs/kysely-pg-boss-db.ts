import type { Kysely, Transaction } from 'kysely';
import { CompiledQuery } from 'kysely';
import type PgBoss from 'pg-boss';
import type { Database } from '../storage/schema.ts';

/**
 * Lets pg-boss run its SQL through our Kysely pool, so the queue needs no connection URL or pool
 * of its own. Some pg-boss statements are whole `BEGIN; …; COMMIT;` scripts whose failure pg-boss
 * expects (two processes installing its schema at once): the failed script leaves its connection
 * inside an aborted transaction, which is rolled back here before the connection goes back to the
 * pool (pg's own pool.query would discard the connection instead).
 */
export function pgBossDb(db: Kysely<Database>): PgBoss.Db {
  return {
    executeSql: (text: string, values: readonly unknown[] | undefined) =>
      db.connection().execute(async (connection) => {
        try {
          const result = await connection.executeQuery(toQuery(text, values));
          return { rows: [...result.rows] };
        } catch (error) {
          // If the rollback fails too, the connection is broken and the first error says why.
          await connection.executeQuery(CompiledQuery.raw('rollback')).catch(() => undefined);
          throw error;
        }
      }),
  };
}

/** Lets pg-boss insert a job inside one of our transactions. */
export function pgBossTransactionDb(trx: Transaction<Database>): PgBoss.Db {
  return {
    executeSql: async (text: string, values: readonly unknown[] | undefined) => {
      const result = await trx.executeQuery(toQuery(text, values));
      return { rows: [...result.rows] };
    },
  };
}

function toQuery(text: string, values: readonly unknown[] | undefined): CompiledQuery {
  return CompiledQuery.raw(text, values ? [...values] : []);
}
