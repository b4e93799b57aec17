import type { IntegrationCoreDeps } from '../integrations/deps.ts';
import { createLogger } from '../server/logger.ts';
import { loadKeySource } from '../server/keyring.ts';
import { storageTargetFor } from '../server/storage-target.ts';
import type { Storage } from '../storage/connect.ts';
import { openStorage } from '../storage/connect.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import { configFromEnvironment } from './environment.ts';

/**
 * Runs `work` with the same storage, keys and network policy the server uses (from the
 * environment), then closes the database whatever happens. `storage` is for what needs the
 * dialect too (the job queue).
 */
export async function withCoreDeps<T>(
  work: (deps: IntegrationCoreDeps, storage: Storage) => Promise<T>,
): Promise<T> {
  const config = configFromEnvironment();
  const keys = await loadKeySource(config);
  const storage = openStorage(storageTargetFor(config));
  try {
    const migrated = await migrateToLatest(storage.db);
    if (migrated.error) throw migrated.error;
    return await work(
      {
        db: storage.db,
        keys,
        network: {
          allowPrivateNetworks: config.allowPrivateNetworks,
          allowedHosts: config.allowedHosts,
        },
        // The CLI talks to a person on stdout; only problems go to the log.
        proxy: config.proxy,
        logger: createLogger('warn'),
        now: () => new Date(),
      },
      storage,
    );
  } finally {
    await storage.close();
  }
}
