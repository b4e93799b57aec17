import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AutomationRulesTable, AutomationRunsTable } from './automation-schema.ts';
import type { Database } from './schema.ts';

/** A stored rule. */
export type RuleRow = Selectable<AutomationRulesTable>;
/** A stored run. */
export type RunRow = Selectable<AutomationRunsTable>;

/** Stores a new rule. */
export async function insertRule(db: Kysely<Database>, row: Insertable<AutomationRulesTable>) {
  await db.insertInto('automation_rules').values(row).execute();
}

/** An integration's rules, oldest first. */
export async function listRules(db: Kysely<Database>, integrationId: string): Promise<RuleRow[]> {
  return db
    .selectFrom('automation_rules')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One rule of an integration. */
export async function findRule(
  db: Kysely<Database>,
  integrationId: string,
  ruleId: string,
): Promise<RuleRow | undefined> {
  return db
    .selectFrom('automation_rules')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .where('id', '=', ruleId)
    .executeTakeFirst();
}

/** Replaces what a rule is and does (its id, secret and runs stay); returns whether it existed. */
export async function updateRuleRow(
  db: Kysely<Database>,
  integrationId: string,
  ruleId: string,
  change: Pick<RuleRow, 'name' | 'enabled' | 'trigger_json' | 'actions_json' | 'updated_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('automation_rules')
    .set(change)
    .where('integration_id', '=', integrationId)
    .where('id', '=', ruleId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a rule with its runs; returns whether it existed. */
export async function deleteRule(
  db: Kysely<Database>,
  integrationId: string,
  ruleId: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('automation_runs').where('rule_id', '=', ruleId).execute();
    const result = await trx
      .deleteFrom('automation_rules')
      .where('integration_id', '=', integrationId)
      .where('id', '=', ruleId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  });
}

/** Starts a run unless the rule already ran for this trigger; returns whether it started. */
export async function startRun(
  db: Kysely<Database>,
  row: Omit<RunRow, 'status' | 'results_json' | 'finished_at'>,
): Promise<boolean> {
  const result = await db
    .insertInto('automation_runs')
    .values({ ...row, status: 'running', results_json: '[]', finished_at: null })
    .onConflict((oc) => oc.columns(['rule_id', 'trigger_ref']).doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Records how a run ended. */
export async function finishRun(
  db: Kysely<Database>,
  id: string,
  changes: { status: 'succeeded' | 'failed'; results_json: string; finished_at: string },
): Promise<void> {
  await db.updateTable('automation_runs').set(changes).where('id', '=', id).execute();
}

/** One run. */
export async function findRun(db: Kysely<Database>, id: string): Promise<RunRow | undefined> {
  return db.selectFrom('automation_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A rule's runs, newest first. */
export async function listRuns(db: Kysely<Database>, ruleId: string): Promise<RunRow[]> {
  return db
    .selectFrom('automation_runs')
    .selectAll()
    .where('rule_id', '=', ruleId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
}

/** Remembers a write a rule made (or, with a `busy:` marker, is making). */
export async function recordWriteMarker(
  db: Kysely<Database>,
  integrationId: string,
  marker: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('automation_writes')
    .values({ integration_id: integrationId, marker, made_at: at })
    .onConflict((oc) => oc.columns(['integration_id', 'marker']).doUpdateSet({ made_at: at }))
    .execute();
}

/** Forgets a marker. */
export async function deleteWriteMarker(
  db: Kysely<Database>,
  integrationId: string,
  marker: string,
): Promise<void> {
  await db
    .deleteFrom('automation_writes')
    .where('integration_id', '=', integrationId)
    .where('marker', '=', marker)
    .execute();
}

/** The markers among `markers` recorded since `since`. */
export async function findWriteMarkers(
  db: Kysely<Database>,
  integrationId: string,
  markers: readonly string[],
  since: string,
): Promise<string[]> {
  if (markers.length === 0) return [];
  const rows = await db
    .selectFrom('automation_writes')
    .select('marker')
    .where('integration_id', '=', integrationId)
    .where('marker', 'in', markers)
    .where('made_at', '>=', since)
    .execute();
  return rows.map((r) => r.marker);
}

/** Whether a marker starting with `prefix` was recorded since `since`. */
export async function hasMarkerStartingWith(
  db: Kysely<Database>,
  integrationId: string,
  prefix: string,
  since: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('automation_writes')
    .select('marker')
    .where('integration_id', '=', integrationId)
    .where('marker', 'like', `${prefix}%`)
    .where('made_at', '>=', since)
    .executeTakeFirst();
  return row !== undefined;
}

/** What a rule's filter reads of a mirrored issue, by Jira id. */
export async function findIssueFacts(
  db: Kysely<Database>,
  integrationId: string,
  issueId: string,
): Promise<{ project_key: string; issue_type: string | null; labels_json: string } | undefined> {
  return db
    .selectFrom('jira_issues')
    .select(['project_key', 'issue_type', 'labels_json'])
    .where('integration_id', '=', integrationId)
    .where('jira_id', '=', issueId)
    .executeTakeFirst();
}

/** Every rule's signing secret, for key rotation. */
export async function listRuleSecrets(
  db: Kysely<Database>,
): Promise<{ id: string; integration_id: string; secret_ciphertext: string }[]> {
  return db
    .selectFrom('automation_rules')
    .select(['id', 'integration_id', 'secret_ciphertext'])
    .execute();
}

/** Replaces a rule's secret only if it is still `previous`. */
export async function replaceRuleSecret(
  db: Kysely<Database>,
  ruleId: string,
  previous: string,
  next: string,
): Promise<boolean> {
  const result = await db
    .updateTable('automation_rules')
    .set({ secret_ciphertext: next })
    .where('id', '=', ruleId)
    .where('secret_ciphertext', '=', previous)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
