import type { IssueBatch } from '../storage/mirror-batch.ts';
import { writeIssueBatch } from '../storage/mirror-batch.ts';
import type { SyncContext } from './context.ts';
import type { FetchedUnit } from './fetch-unit.ts';
import { laterIso } from './jira-time.ts';

/** What a committed unit adds to a run's running state. */
export interface CommitOptions {
  /**
   * When the listing that held the unit's id range completely was asked for: other mirrored ids
   * in the range are gone from Jira (see IssueBatch.listedRange).
   */
  listedCompletelyAt?: string;
  /** The sync state to store with the unit, given the latest `updated` seen so far. */
  state: (maxUpdated: string | null) => NonNullable<IssueBatch['state']>;
  /** Ids a listing asked for at `listedAt` no longer holds (see IssueBatch.deleted). */
  gone?: { ids: readonly string[]; listedAt: string };
}

/**
 * Writes a fetched unit with the run's progress and the sync state in one transaction, and
 * returns the latest `updated` seen so far (the next incremental cursor).
 */
export async function commitUnit(
  ctx: SyncContext,
  unit: FetchedUnit,
  maxUpdated: string | null,
  options: CommitOptions,
): Promise<string | null> {
  const seenUpdated = unit.records.reduce<string | null>(
    (latest, r) => laterIso(latest, r.row.updated),
    maxUpdated,
  );
  for (const bad of unit.unreadable)
    ctx.logger.warn({ integrationId: ctx.integrationId, issue: bad }, 'issue not readable');
  const { counts } = ctx;
  await writeIssueBatch(ctx.db, {
    integrationId: ctx.integrationId,
    at: ctx.now().toISOString(),
    issues: unit.records.map(({ row, comments, terms }) => ({ row, comments, terms })),
    users: unit.records.flatMap((r) => r.users),
    ...(options.listedCompletelyAt === undefined
      ? {}
      : {
          listedRange: {
            after: unit.after,
            upTo: unit.upTo,
            ids: unit.listedIds,
            listedAt: options.listedCompletelyAt,
          },
        }),
    ...(options.gone === undefined ? {} : { deleted: options.gone }),
    state: options.state(seenUpdated),
    run: {
      id: ctx.runId,
      progress: (result) => {
        counts.listed += unit.listedIds.size;
        counts.written += result.written;
        counts.stale += result.stale;
        counts.deleted += result.deleted;
        counts.unreadable += unit.unreadable.length;
        counts.comments += unit.records.reduce((n, r) => n + r.comments.length, 0);
        return { done: counts.listed, counts_json: JSON.stringify(counts) };
      },
    },
  });
  return seenUpdated;
}
