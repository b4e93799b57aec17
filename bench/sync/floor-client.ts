import { z } from 'zod';
import type { Target } from './protocol.ts';
import { post } from './protocol.ts';

const IdPageSchema = z.object({
  issues: z.array(z.object({ id: z.string() })),
  nextPageToken: z.string().optional(),
});

/** What the ideal client did. */
export interface FloorRun {
  requests: number;
  issues: number;
  /** The most ids one id-only page returned (the server's cap for such pages). */
  idPageSize: number;
}

/**
 * The best request pattern with no work of our own: id-only search pages walked one after the
 * other while bulk fetches of 100 run, at most `inFlight` requests at any moment. Bulk bodies are
 * read to the last byte and dropped; only the id pages are parsed, since their ids are the work.
 */
export async function runFloorClient(target: Target, inFlight: number): Promise<FloorRun> {
  const chunks: string[][] = [];
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
      for (let i = 0; i < ids.length; i += 100) chunks.push(ids.slice(i, i + 100));
      wakeAll();
      token = page.nextPageToken;
    } while (token !== undefined);
    listingDone = true;
    wakeAll();
  })();
  // One slot is the listing's while it runs; the others fetch.
  const fetcher = async (): Promise<void> => {
    for (;;) {
      const chunk = chunks.shift();
      if (chunk === undefined) {
        if (listingDone) return;
        await new Promise<void>((resolve) => waiting.push(resolve));
        continue;
      }
      const body = await (
        await post(target, '/rest/api/3/issue/bulkfetch', {
          issueIdsOrKeys: chunk,
          fields: ['*all'],
        })
      ).arrayBuffer();
      if (body.byteLength === 0) throw new Error('empty bulk fetch');
      requests++;
      fetched += chunk.length;
    }
  };
  const fetchers = Array.from({ length: inFlight - 1 }, fetcher);
  await listing;
  // With the listing finished its slot fetches too.
  await Promise.all([...fetchers, fetcher()]);
  return { requests, issues: fetched, idPageSize };
}
