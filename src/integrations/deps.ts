import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { NetworkPolicy } from '../net/index.ts';
import type { Keyring } from '../secrets/index.ts';
import type { Database } from '../storage/schema.ts';

/** What the integrations module needs from the composition root. */
export interface IntegrationDeps {
  db: Kysely<Database>;
  keyring: Keyring;
  jobs: JobQueue;
  network: NetworkPolicy;
  logger: Logger;
  now: () => Date;
}
