import { z } from 'zod';
import type { Target } from './protocol.ts';
import { get, post } from './protocol.ts';

const IdPageSchema = z.object({
  issues: z.array(z.object({ id: z.string() })),
  nextPageToken: z.string().optional(),
});

/** Comments an issue embeds, and a comment page holds, on the sandbox (Cloud's 100). */
const COMMENT_PAGE = 100;

/** What the ideal client did. */
export interface FloorRun {
  requests: number;
  issues: number;
  /** The most ids one id-only page returned (the server's cap for such pages). */
  idPageSize: number;
}

type Fetch = { kind: 'bulk'; ids: string[] } | { kind: 'comments'; id: string; startAt: number };

/**
 * The best request pattern with no work of our own: id-only search pages walked one after the
 * other while bulk fetches of 100 run, at most `inFlight` requests at any moment. Bulk bodies are
 * read to the last byte and dropped; only the id pages are parsed, since their ids are the work.
 * With `longThreads`, the client also reads the comment pages an exact mirror needs, told in
 * advance which issues have more comments than they embed (so it never parses a bulk answer to
 * learn it); each goes out as soon as its issue's bulk fetch is back.
 */
export async function runFloorClient(
  target: Target,
  inFlight: number,
  longThreads: ReadonlyMap<string, number> = new Map(),
): Promise<FloorRun> {
  const queue: Fetch[] = [];
  let listingDone = false;
  let requests = 0;
  let fetched = 0;
  let idPageSize = 0;
  let waiting: (() => void)[] = [];
  const wakeAll = (): void => {
    const woken = waiting;
    waiting = [];
    for (const wake of woken) wake();
  };
  const listing = (async () => {
    let token: string | undefined;
    do {
      const page = IdPageSchema.parse(
        await (
          await post(target, '/rest/api/3/search/jql', {
            jql: 'id > 0 ORDER BY id ASC',
            maxResults: 5000,
            fields: ['id'],
            ...(token === undefined ? {} : { nextPageToken: token }),
          })
        ).json(),
      );
      requests++;
      idPageSize = Math.max(idPageSize, page.issues.length);
      const ids = page.issues.map((hit) => hit.id);
      for (let i = 0; i < ids.length; i += 100)
        queue.push({ kind: 'bulk', ids: ids.slice(i, i + 100) });
      wakeAll();
      token = page.nextPageToken;
    } while (token !== undefined);
    listingDone = true;
    wakeAll();
  })();
  const read = async (work: Fetch): Promise<void> => {
    const response =
      work.kind === 'bulk'
        ? await post(target, '/rest/api/3/issue/bulkfetch', {
            issueIdsOrKeys: work.ids,
            fields: ['*all'],
          })
        : await get(
            target,
            `/rest/api/3/issue/${work.id}/comment?startAt=${work.startAt}&maxResults=${COMMENT_PAGE}`,
          );
    const body = await response.arrayBuffer();
    if (body.byteLength === 0) throw new Error(`empty answer to a ${work.kind} fetch`);
    requests++;
    if (work.kind === 'comments') return;
    fetched += work.ids.length;
    // Comment pages jump the queue: an exact client cannot store these issues without them.
    for (const id of work.ids) {
      const comments = longThreads.get(id) ?? 0;
      for (let startAt = COMMENT_PAGE; startAt < comments; startAt += COMMENT_PAGE)
        queue.unshift({ kind: 'comments', id, startAt });
    }
  };
  let reading = 0;
  // One slot is the listing's while it runs; the others fetch. A fetcher stops when nothing is
  // queued or being read, since a bulk answer still being read may queue comment pages.
  const fetcher = async (): Promise<void> => {
    for (;;) {
      const work = queue.shift();
      if (work !== undefined) {
        reading++;
        await read(work);
        reading--;
        wakeAll();
        continue;
      }
      if (listingDone && reading === 0) return;
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  const fetchers = Array.from({ length: inFlight - 1 }, fetcher);
  await listing;
  // With the listing finished its slot fetches too.
  await Promise.all([...fetchers, fetcher()]);
  return { requests, issues: fetched, idPageSize };
}
