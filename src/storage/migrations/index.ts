import type { Migration } from 'kysely';
import * as accounts from './2026-11-23-0001-accounts.ts';
import * as jobs from './2026-11-23-0002-jobs.ts';
import * as integrations from './2026-11-23-0003-integrations.ts';
import * as mirror from './2026-11-23-0004-mirror.ts';
import * as issueSearch from './2026-11-23-0005-issue-search.ts';
import * as actionsAudit from './2026-11-23-0006-actions-audit.ts';
import * as webhooks from './2026-11-23-0007-webhooks.ts';
import * as automationRules from './2026-11-23-0008-automation-rules.ts';
import * as syncCoordination from './2026-11-23-0009-sync-coordination.ts';

/**
 * Every migration, in order. An in-code list rather than a folder scan, so the set that runs is
 * exactly the set that was type-checked and bundled.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-23-0001-accounts': accounts,
  '2026-11-23-0002-jobs': jobs,
  '2026-11-23-0003-integrations': integrations,
  '2026-11-23-0004-mirror': mirror,
  '2026-11-23-0005-issue-search': issueSearch,
  '2026-11-23-0006-actions-audit': actionsAudit,
  '2026-11-23-0007-webhooks': webhooks,
  '2026-11-23-0008-automation-rules': automationRules,
  '2026-11-23-0009-sync-coordination': syncCoordination,
};
