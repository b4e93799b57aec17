import type { Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** A Jira user seen in the data. */
export interface SeenUser {
  user_key: string;
  display_name: string | null;
  data_json: string;
}

/** Records users seen at `at`, refreshing what was stored about them. */
export async function upsertSeenUsers(
  trx: Transaction<Database>,
  integrationId: string,
  users: SeenUser[],
  at: string,
): Promise<void> {
  const unique = [...new Map(users.map((u) => [u.user_key, u])).values()];
  for (let i = 0; i < unique.length; i += 200) {
    const rows = unique
      .slice(i, i + 200)
      .map((u) => ({ ...u, integration_id: integrationId, seen_at: at }));
    await trx
      .insertInto('jira_users')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['integration_id', 'user_key']).doUpdateSet((eb) => ({
          display_name: eb.ref('excluded.display_name'),
          data_json: eb.ref('excluded.data_json'),
          seen_at: eb.ref('excluded.seen_at'),
        })),
      )
      .execute();
  }
}
