import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** What the processes sharing a Jira site agree on: until when it is paused, and how many send to it. */
export interface SiteShareState {
  pausedUntil: string | null;
  sharers: number;
}

/**
 * Keeps `holder` among the processes sending to `site` until `expiresAt`, forgets holders whose
 * time ran out, and reads the site's pause and how many holders remain (this one included).
 */
export async function holdSiteShare(
  db: Kysely<Database>,
  share: { site: string; holder: string; expiresAt: string; now: string },
): Promise<SiteShareState> {
  const { site, holder, expiresAt, now } = share;
  await db
    .insertInto('sync_site_shares')
    .values({ site, holder, expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['site', 'holder']).doUpdateSet({ expires_at: expiresAt }))
    .execute();
  await db
    .deleteFrom('sync_site_shares')
    .where('site', '=', site)
    .where('expires_at', '<', now)
    .execute();
  const [pause, count] = await Promise.all([
    db
      .selectFrom('sync_site_pauses')
      .select('paused_until')
      .where('site', '=', site)
      .executeTakeFirst(),
    db
      .selectFrom('sync_site_shares')
      .select((eb) => eb.fn.countAll<number | string>().as('sharers'))
      .where('site', '=', site)
      .executeTakeFirstOrThrow(),
  ]);
  return { pausedUntil: pause?.paused_until ?? null, sharers: Number(count.sharers) };
}

/** Pauses `site` for everyone until `until`, unless it is already paused for longer. */
export async function pauseSite(db: Kysely<Database>, site: string, until: string): Promise<void> {
  await db
    .insertInto('sync_site_pauses')
    .values({ site, paused_until: until })
    .onConflict((oc) =>
      oc
        .column('site')
        .doUpdateSet({ paused_until: until })
        .where('sync_site_pauses.paused_until', '<', until),
    )
    .execute();
}
