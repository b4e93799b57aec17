import { join } from 'node:path';
import type { StorageTarget } from '../storage/connect.ts';
import type { Config } from './config.ts';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded SQLite file in the data dir. */
export function storageTargetFor(config: Config): StorageTarget {
  return config.databaseUrl === undefined
    ? { dialect: 'sqlite', path: join(config.dataDir, 'owlhub.sqlite') }
    : { dialect: 'postgres', url: config.databaseUrl };
}
