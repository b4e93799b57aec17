import type { SyncError } from '../shared/mirror.ts';
import { listIssueFields, listIssueIdentities } from '../storage/mirror-issue-queries.ts';
import { updateSyncRun } from '../storage/sync-runs.ts';
import { findSyncState } from '../storage/sync-state.ts';
import { commitUnit } from './commit-unit.ts';
import type { SyncContext } from './context.ts';
import { syncErrorFor } from './context.ts';
import { findDependents } from './dependents.ts';
import { fetchUnit, mergeUnits } from './fetch-unit.ts';
import { runFullSync } from './full-sync.ts';
import { isoToEpochMs, laterIso } from './jira-time.ts';
import { listJiraIdentities } from './list-identities.ts';
import type { IssueUnit } from './list-issues.ts';
import { listIssueUnits } from './list-issues.ts';
import type { WorkOutcome } from './ordered-pool.ts';
import { runOrdered } from './ordered-pool.ts';
import { retrying } from './retrying.ts';

/**
 * How far before the cursor an incremental run looks again. It covers Cloud's eventually
 * consistent search (an update may show up in search after a later one) and clock skew.
 */
export const OVERLAP_MS = 10 * 60 * 1000;

/**
 * Mirrors what changed since the cursor (JQL `updated >=` epoch milliseconds, minus the overlap),
 * then reconciles the id list: issues Jira no longer lists are deleted, issues the mirror lacks
 * or holds under another key (moved) are fetched, and so are the issues that show a changed one
 * (see findDependents). Without a finished full sync, runs (or resumes)
 * one instead.
 */
export async function runIncrementalSync(ctx: SyncContext): Promise<WorkOutcome<null, SyncError>> {
  const state = await findSyncState(ctx.db, ctx.integrationId);
  if (
    state === undefined ||
    state.cursor === null ||
    state.last_full_at === null ||
    state.checkpoint_json !== null
  )
    return runFullSync(ctx);
  // Only /myself proves the credentials; other reads may answer as the anonymous user.
  const me = await retrying(() => ctx.client.myself(), ctx.signal);
  if (!me.ok) return { ok: false, error: syncErrorFor(me.error) };
  let maxUpdated: string | null = state.cursor;
  const touched = new Set<string>();
  const fetchIds = async (source: AsyncIterable<IssueUnit>): Promise<SyncError | null> =>
    runOrdered({
      source,
      concurrency: ctx.concurrency,
      work: (unit) => fetchUnit(ctx, unit),
      commit: async (batch) => {
        const unit = mergeUnits(batch.map((done) => done.value));
        maxUpdated = await commitUnit(ctx, unit, maxUpdated, {
          state: () => ({}),
        });
        for (const record of unit.records) touched.add(record.row.jira_id);
      },
    });

  await updateSyncRun(ctx.db, ctx.runId, { phase: 'changes' });
  const since = isoToEpochMs(state.cursor) - OVERLAP_MS;
  const changed = await fetchIds(listIssueUnits(ctx, `updated >= ${since}`, 0));
  if (changed !== null) return { ok: false, error: changed };

  await updateSyncRun(ctx.db, ctx.runId, { phase: 'reconcile' });
  // Issues a webhook or an action stores from now on may be newer than the listing.
  const listedAt = ctx.now().toISOString();
  const jira = await listJiraIdentities(ctx);
  if (!jira.ok) return jira;
  const mirror = await listIssueIdentities(ctx.db, ctx.integrationId);
  const mirrored = new Map(mirror.map((r) => [r.jira_id, r.key]));
  const gone = mirror.filter((r) => !jira.value.has(r.jira_id)).map((r) => r.jira_id);
  const missing = [...jira.value].filter(([id, key]) => mirrored.get(id) !== key).map(([id]) => id);
  const refetched = await fetchIds(unitsFor(ctx, missing));
  if (refetched !== null) return { ok: false, error: refetched };

  await updateSyncRun(ctx.db, ctx.runId, { phase: 'dependents' });
  const goneFields = await listIssueFields(ctx.db, ctx.integrationId, gone);
  const dependents = await findDependents(
    ctx,
    touched,
    goneFields.map((r) => r.fields_json),
  );
  if (!dependents.ok) return dependents;
  const stillThere = [...dependents.value].filter((id) => jira.value.has(id));
  const followed = await fetchIds(unitsFor(ctx, stillThere));
  if (followed !== null) return { ok: false, error: followed };

  await commitUnit(
    ctx,
    { after: 0, upTo: null, listedIds: new Set(), records: [], unreadable: [] },
    maxUpdated,
    {
      gone: { ids: gone, listedAt },
      state: (seen) => ({ cursor: laterIso(state.cursor, seen) }),
    },
  );
  return { ok: true, value: null };
}

/** Units fetching the given ids: bulk fetches of 100 on Cloud, an `id in (...)` search on Server/DC. */
async function* unitsFor(ctx: SyncContext, ids: readonly string[]): AsyncGenerator<IssueUnit> {
  const sorted = [...ids].sort((a, b) => Number(a) - Number(b));
  const size = ctx.deployment === 'cloud' ? 100 : 200;
  for (let i = 0; i < sorted.length; i += size) {
    const chunk = sorted.slice(i, i + size);
    if (ctx.deployment === 'cloud') yield { kind: 'ids', after: 0, upTo: null, ids: chunk };
    else yield* listIssueUnits(ctx, `id in (${chunk.join(',')})`, 0);
  }
}
