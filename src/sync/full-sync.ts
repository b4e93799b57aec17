import { z } from 'zod';
import type { SyncError } from '../shared/mirror.ts';
import { updateSyncRun } from '../storage/sync-runs.ts';
import { findSyncState } from '../storage/sync-state.ts';
import { commitUnit } from './commit-unit.ts';
import type { SyncContext } from './context.ts';
import { syncErrorFor } from './context.ts';
import { fetchUnit, mergeUnits } from './fetch-unit.ts';
import { listDataCenterRanges } from './dc-ranges.ts';
import { keysetJql, listIssueUnits } from './list-issues.ts';
import { syncMetadata } from './metadata.ts';
import type { WorkOutcome } from './ordered-pool.ts';
import { runOrdered } from './ordered-pool.ts';
import { retrying } from './retrying.ts';

/** How far a full sync got: every issue with id ≤ `after` is in the mirror as of this run. */
const CheckpointSchema = z.object({ after: z.number().int(), maxUpdated: z.string().nullable() });

/** A full sync's checkpoint as stored. */
export type FullSyncCheckpoint = z.infer<typeof CheckpointSchema>;

/** Reads a stored checkpoint; a missing or unreadable one starts from the beginning. */
export function readCheckpoint(json: string | null | undefined): FullSyncCheckpoint {
  const parsed = CheckpointSchema.safeParse(
    json === null || json === undefined ? null : JSON.parse(json),
  );
  return parsed.success ? parsed.data : { after: 0, maxUpdated: null };
}

/**
 * Mirrors everything: metadata, then every issue in id order, bulk-fetched with several requests
 * in flight and committed in order with a checkpoint, so that a killed run resumes where it was.
 * Issues the mirror holds but Jira no longer lists are deleted range by range.
 */
export async function runFullSync(ctx: SyncContext): Promise<WorkOutcome<null, SyncError>> {
  await updateSyncRun(ctx.db, ctx.runId, { phase: 'metadata' });
  const state = await findSyncState(ctx.db, ctx.integrationId);
  const start = readCheckpoint(state?.checkpoint_json);
  // Asked at once: one round trip to Jira before the issues, not three.
  const [me, metadata, total] = await Promise.all([
    retrying(() => ctx.client.myself(), ctx.signal),
    syncMetadata(ctx),
    estimateTotal(ctx, start.after),
  ]);
  if (!me.ok) return { ok: false, error: syncErrorFor(me.error) };
  if (!metadata.ok) return metadata;
  await updateSyncRun(ctx.db, ctx.runId, { phase: 'issues', total });
  let maxUpdated = start.maxUpdated;
  // Issues a webhook or an action stores from now on may be newer than the listing.
  const listedAt = ctx.now().toISOString();
  const failure = await runOrdered({
    source:
      ctx.deployment === 'cloud'
        ? listIssueUnits(ctx, '', start.after)
        : listDataCenterRanges(ctx, start.after),
    concurrency: ctx.concurrency,
    work: (unit) => fetchUnit(ctx, unit),
    commit: async (batch) => {
      const unit = mergeUnits(batch.map((done) => done.value));
      maxUpdated = await commitUnit(ctx, unit, maxUpdated, {
        listedCompletelyAt: listedAt,
        state: (seen) =>
          unit.upTo === null
            ? {
                checkpoint_json: null,
                cursor: seen ?? ctx.now().toISOString(),
                last_full_at: ctx.now().toISOString(),
              }
            : { checkpoint_json: JSON.stringify({ after: unit.upTo, maxUpdated: seen }) },
      });
    },
  });
  return failure === null ? { ok: true, value: null } : { ok: false, error: failure };
}

/** Issues left to read, for progress: Cloud counts approximately, Server/DC's search says exactly. */
async function estimateTotal(ctx: SyncContext, after: number): Promise<number | null> {
  if (ctx.deployment === 'cloud') {
    const counted = await ctx.client.approximateCount(`id > ${after}`);
    return counted.ok ? ctx.counts.listed + counted.value.count : null;
  }
  const page = await ctx.client.searchLegacy({ jql: keysetJql('', after), maxResults: 0 });
  return page.ok ? ctx.counts.listed + page.value.total : null;
}
