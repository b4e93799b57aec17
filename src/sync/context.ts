import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { JiraClient, JiraError } from '../jira/index.ts';
import type { SyncCounts, SyncError } from '../shared/mirror.ts';
import type { Database } from '../storage/schema.ts';

/** What one sync run works with. */
export interface SyncContext {
  db: Kysely<Database>;
  client: JiraClient;
  integrationId: string;
  deployment: 'cloud' | 'datacenter';
  runId: string;
  /** Counts so far (a resumed run continues those of its earlier attempt). */
  counts: SyncCounts;
  /** Bulk fetches (Cloud) or comment pages in flight at once. */
  concurrency: number;
  signal: AbortSignal;
  logger: Logger;
  now: () => Date;
}

/** Zero counts. */
export function emptyCounts(): SyncCounts {
  return { listed: 0, written: 0, stale: 0, deleted: 0, comments: 0, unreadable: 0 };
}

/** The sync error a Jira failure amounts to. */
export function syncErrorFor(error: JiraError): SyncError {
  switch (error.kind) {
    case 'unauthorized':
    case 'captcha':
      return {
        code: 'invalid_credentials',
        message: 'Jira refused the credentials during the sync.',
      };
    case 'forbidden':
      return { code: 'forbidden', message: 'Jira refused access to data the sync needs.' };
    case 'rate_limited':
      return { code: 'rate_limited', message: 'Jira kept answering 429 (rate limited).' };
    case 'network':
      return { code: 'jira_error', message: `Jira could not be reached (${error.failure.kind}).` };
    case 'not_jira':
    case 'invalid_response':
      return { code: 'jira_error', message: `Jira answered something unexpected (${error.kind}).` };
    default:
      return { code: 'jira_error', message: `Jira answered ${error.status} (${error.kind}).` };
  }
}
