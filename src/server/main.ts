import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import type { IntegrationDeps } from '../integrations/deps.ts';
import { registerIntegrationJobs } from '../integrations/register-jobs.ts';
import { createJobQueue } from '../jobs/create-job-queue.ts';
import type { JobQueueOptions } from '../jobs/options.ts';
import { openStorage } from '../storage/connect.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import type { SyncJobOptions } from '../sync/register-jobs.ts';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { loadKeySource } from './keyring.ts';
import { storageTargetFor } from './storage-target.ts';

/** A started OwlHub server. */
export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Timings of background work that the environment does not set: the defaults suit production, and
 * tests that must see a takeover within seconds shorten them.
 */
export interface ServerTuning {
  jobs?: Pick<JobQueueOptions, 'pollIntervalMs' | 'maintenanceIntervalSeconds'>;
  sync?: SyncJobOptions;
}

/** The composition root: opens and migrates storage, loads the key, starts jobs, listens. */
export async function startServer(
  config: Config,
  logger: Logger,
  tuning: ServerTuning = {},
): Promise<RunningServer> {
  const keys = await loadKeySource(config);
  const storage = openStorage(storageTargetFor(config));
  const migrated = await migrateToLatest(storage.db);
  if (migrated.error) {
    await storage.close();
    throw migrated.error;
  }
  if (migrated.applied.length > 0) logger.info({ applied: migrated.applied }, 'database migrated');

  const jobs = createJobQueue(storage, { ...tuning.jobs, logger });
  const deps: IntegrationDeps = {
    db: storage.db,
    keys,
    jobs,
    network: {
      allowPrivateNetworks: config.allowPrivateNetworks,
      allowedHosts: config.allowedHosts,
    },
    proxy: config.proxy,
    publicUrl: config.publicUrl,
    logger,
    now: () => new Date(),
  };
  // On PostgreSQL other processes may send to the same Jira sites: they share each site's budget.
  registerIntegrationJobs(
    deps,
    {},
    {
      sharedSiteBudgets: storage.dialect === 'postgres',
      ...tuning.sync,
    },
  );
  await jobs.start();

  const app = createApp(deps);
  const server = await listen(app.fetch, config);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info({ url, database: storage.dialect }, 'OwlHub is listening');

  return {
    url,
    stop: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
      });
      await jobs.stop();
      await storage.close();
    },
  };
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], config: Config): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host }, () => {
      resolve(server);
    });
    server.once('error', reject);
  });
}
