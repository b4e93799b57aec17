import type { SyncError } from '../shared/mirror.ts';
import type { SyncContext } from './context.ts';
import { syncErrorFor } from './context.ts';
import { keysetJql } from './list-issues.ts';
import type { WorkOutcome } from './ordered-pool.ts';
import { retrying } from './retrying.ts';

interface IdentityPage {
  hits: { id: string; key?: string | undefined }[];
  last: boolean;
}

/** One page of ids and keys: `/search/jql` on Cloud (5000 a page), `/search` on Server/DC. */
async function identityPage(
  ctx: SyncContext,
  jql: string,
): Promise<WorkOutcome<IdentityPage, SyncError>> {
  if (ctx.deployment === 'cloud') {
    const page = await retrying(
      () => ctx.client.searchJql({ jql, maxResults: 5000, fields: ['key'] }),
      ctx.signal,
    );
    if (!page.ok) return { ok: false, error: syncErrorFor(page.error) };
    const { issues, isLast, nextPageToken } = page.value;
    return {
      ok: true,
      value: { hits: issues, last: isLast === true || nextPageToken === undefined },
    };
  }
  const page = await retrying(
    () => ctx.client.searchLegacy({ jql, maxResults: 1000, fields: ['key'] }),
    ctx.signal,
  );
  if (!page.ok) return { ok: false, error: syncErrorFor(page.error) };
  const { issues, total } = page.value;
  return { ok: true, value: { hits: issues, last: issues.length >= total } };
}

/** Every issue Jira lists now, id → key, by keyset pages of ids and keys only. */
export async function listJiraIdentities(
  ctx: SyncContext,
): Promise<WorkOutcome<Map<string, string>, SyncError>> {
  const found = new Map<string, string>();
  let after = 0;
  for (;;) {
    const page = await identityPage(ctx, keysetJql('', after));
    if (!page.ok) return page;
    for (const hit of page.value.hits) {
      if (hit.key === undefined)
        return {
          ok: false,
          error: { code: 'jira_error', message: 'Jira listed an issue without its key.' },
        };
      found.set(hit.id, hit.key);
    }
    const lastId = Number(page.value.hits[page.value.hits.length - 1]?.id ?? after);
    if (page.value.last || lastId <= after) return { ok: true, value: found };
    after = lastId;
  }
}
