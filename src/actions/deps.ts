import type { IntegrationCoreDeps } from '../integrations/deps.ts';

/** What acting on Jira needs: the database, keys to open credentials, the network policy, a clock. */
export type ActionDeps = IntegrationCoreDeps;
