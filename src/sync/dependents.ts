import { z } from 'zod';
import type { SyncError } from '../shared/mirror.ts';
import { listIssueFields } from '../storage/mirror-issue-queries.ts';
import type { SyncContext } from './context.ts';
import { listIssueUnits } from './list-issues.ts';
import type { WorkOutcome } from './ordered-pool.ts';

const Ref = z.looseObject({ id: z.string() });

/** The fields through which an issue shows other issues' key, summary, status or priority. */
const RelatedFields = z.looseObject({
  parent: Ref.nullable().optional(),
  subtasks: z.array(Ref).optional(),
  issuelinks: z
    .array(z.looseObject({ inwardIssue: Ref.optional(), outwardIssue: Ref.optional() }))
    .optional(),
});

function related(fieldsJson: string): string[] {
  const parsed = RelatedFields.safeParse(JSON.parse(fieldsJson));
  if (!parsed.success) return [];
  const f = parsed.data;
  return [
    ...(f.parent ? [f.parent.id] : []),
    ...(f.subtasks ?? []).map((s) => s.id),
    ...(f.issuelinks ?? []).flatMap((l) => [l.inwardIssue?.id, l.outwardIssue?.id]),
  ].filter((id): id is string => id !== undefined);
}

/**
 * Issues whose own fields show something of the `changed` ones (a child's `parent`, a parent's
 * `subtasks`, linked issues): Jira does not bump their `updated` when the issue they show changes,
 * moves or goes, so they are fetched again. Found from the stored fields (`before` holds those of
 * issues about to be deleted) and by asking Jira for children (`parent in (...)`).
 */
export async function findDependents(
  ctx: SyncContext,
  changed: ReadonlySet<string>,
  before: readonly string[],
): Promise<WorkOutcome<Set<string>, SyncError>> {
  const found = new Set<string>();
  const rows = await listIssueFields(ctx.db, ctx.integrationId, [...changed]);
  for (const json of [...rows.map((r) => r.fields_json), ...before])
    for (const id of related(json)) found.add(id);
  const ids = [...changed];
  for (let i = 0; i < ids.length; i += 200) {
    const filter = `parent in (${ids.slice(i, i + 200).join(',')})`;
    for await (const unit of listIssueUnits(ctx, filter, 0)) {
      if (unit.kind === 'failed') return { ok: false, error: unit.error };
      const listed = unit.kind === 'ids' ? unit.ids : unit.issues.map((issue) => issue.id);
      for (const id of listed) found.add(id);
    }
  }
  for (const id of changed) found.delete(id);
  return { ok: true, value: found };
}
