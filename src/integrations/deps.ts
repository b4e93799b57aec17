import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { NetworkPolicy, ProxyOptions } from '../net/index.ts';
import type { KeySource } from './key-source.ts';
import type { Database } from '../storage/schema.ts';

/** What managing and verifying integrations needs; the CLI has this much. */
export interface IntegrationCoreDeps {
  db: Kysely<Database>;
  keys: KeySource;
  network: NetworkPolicy;
  /** From HTTPS_PROXY / HTTP_PROXY / NO_PROXY: a corporate proxy to reach Jira through. */
  proxy?: ProxyOptions | undefined;
  logger: Logger;
  now: () => Date;
  /** OWLHUB_PUBLIC_URL: where Jira can reach this OwlHub, for webhooks; unset when it cannot. */
  publicUrl?: URL | undefined;
}

/** What the server's integrations module needs: the core plus the job queue. */
export interface IntegrationDeps extends IntegrationCoreDeps {
  jobs: JobQueue;
}
