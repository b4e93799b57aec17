import type { JiraError, JiraProject } from '../jira/index.ts';
import type { SyncError } from '../shared/mirror.ts';
import type { MetadataSet } from '../storage/mirror-metadata.ts';
import { storeMetadata } from '../storage/mirror-metadata.ts';
import type { SyncContext } from './context.ts';
import { syncErrorFor } from './context.ts';
import type { WorkOutcome } from './ordered-pool.ts';
import { retrying } from './retrying.ts';

type Listed<T> = { ok: true; value: T[] } | { ok: false; error: JiraError };

/** Every visible project: one bare array on Server/DC, pages on Cloud (each retried on its own). */
async function projects(ctx: SyncContext): Promise<Listed<JiraProject>> {
  if (ctx.deployment === 'datacenter') return retrying(() => ctx.client.listProjects(), ctx.signal);
  const all: JiraProject[] = [];
  for (;;) {
    const page = await retrying(
      () => ctx.client.searchProjects({ startAt: all.length, maxResults: 50 }),
      ctx.signal,
    );
    if (!page.ok) return page;
    all.push(...page.value.values);
    const total = page.value.total ?? Number.POSITIVE_INFINITY;
    if (page.value.isLast === true || page.value.values.length === 0 || all.length >= total)
      return { ok: true, value: all };
  }
}

/** Reads projects, issue types, statuses, priorities and fields, and replaces the mirror's copy. */
export async function syncMetadata(ctx: SyncContext): Promise<WorkOutcome<null, SyncError>> {
  const { client, signal } = ctx;
  const [p, t, s, r, f] = await Promise.all([
    projects(ctx),
    retrying(() => client.issueTypes(), signal),
    retrying(() => client.statuses(), signal),
    retrying(() => client.priorities(), signal),
    retrying(() => client.fields(), signal),
  ]);
  if (!p.ok) return { ok: false, error: syncErrorFor(p.error) };
  if (!t.ok) return { ok: false, error: syncErrorFor(t.error) };
  if (!s.ok) return { ok: false, error: syncErrorFor(s.error) };
  if (!r.ok) return { ok: false, error: syncErrorFor(r.error) };
  if (!f.ok) return { ok: false, error: syncErrorFor(f.error) };
  const json = (value: unknown) => JSON.stringify(value);
  const set: MetadataSet = {
    projects: p.value.map((x) => ({ jira_id: x.id, name: x.name, key: x.key, data_json: json(x) })),
    issueTypes: t.value.map((x) => ({ jira_id: x.id, name: x.name, data_json: json(x) })),
    statuses: s.value.map((x) => ({
      jira_id: x.id,
      name: x.name,
      category_key: x.statusCategory?.key ?? null,
      data_json: json(x),
    })),
    priorities: r.value.map((x) => ({ jira_id: x.id, name: x.name, data_json: json(x) })),
    fields: f.value.map((x) => ({
      jira_id: x.id,
      name: x.name,
      custom: x.custom === undefined ? null : Number(x.custom),
      data_json: json(x),
    })),
  };
  await storeMetadata(ctx.db, ctx.integrationId, set);
  return { ok: true, value: null };
}
