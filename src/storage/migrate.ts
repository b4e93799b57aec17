import type { Kysely, MigrationResultSet } from 'kysely';
import { Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

/** What a migration run did, migration by migration. */
export interface MigrationOutcome {
  applied: string[];
  error?: Error;
}

/** Brings the schema up to date; returns what ran and the error that stopped it, if any. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationOutcome> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  return toOutcome(await migrator.migrateToLatest());
}

function toOutcome(result: MigrationResultSet): MigrationOutcome {
  const applied = (result.results ?? [])
    .filter((r) => r.status === 'Success')
    .map((r) => r.migrationName);
  if (result.error === undefined) return { applied };
  const error =
    result.error instanceof Error
      ? result.error
      : new Error('Migration failed', { cause: result.error });
  return { applied, error };
}
