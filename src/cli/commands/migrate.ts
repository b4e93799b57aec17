import { Command } from 'commander';
import { storageTargetFor } from '../../server/storage-target.ts';
import { openStorage } from '../../storage/connect.ts';
import { migrateToLatest } from '../../storage/migrate.ts';
import { configFromEnvironment } from '../environment.ts';

/** `owlhub migrate`: brings the database schema up to date and says what ran. */
export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      const storage = openStorage(storageTargetFor(configFromEnvironment()));
      try {
        const outcome = await migrateToLatest(storage.db);
        for (const name of outcome.applied) process.stdout.write(`applied ${name}\n`);
        if (outcome.error) throw outcome.error;
        if (outcome.applied.length === 0) process.stdout.write('The database is up to date.\n');
      } finally {
        await storage.close();
      }
    });
}
