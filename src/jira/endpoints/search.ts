import type { JiraResult } from '../errors.ts';
import {
  ApproximateCountSchema,
  BulkFetchSchema,
  LegacySearchPageSchema,
  SearchJqlPageSchema,
  type BulkFetchResult,
  type LegacySearchPage,
  type SearchJqlPage,
} from '../schemas/search.ts';
import type { UnparsedBody } from '../response.ts';
import type { JiraCall, Transport } from '../transport.ts';

/** Cloud's `/issue/bulkfetch` takes at most this many ids or keys. */
export const BULK_FETCH_LIMIT = 100;

/** A `/search/jql` request (Cloud). Without `fields`, Jira returns only ids. */
export interface SearchJqlRequest {
  jql: string;
  fields?: readonly string[];
  maxResults?: number;
  nextPageToken?: string;
  expand?: string;
}

/** A legacy `/search` request (Server/DC). */
export interface LegacySearchRequest {
  jql: string;
  fields?: readonly string[];
  startAt?: number;
  maxResults?: number;
  expand?: readonly string[];
}

/** Searching and fetching issues in bulk. */
export interface SearchEndpoints {
  /** Cloud `POST search/jql`: one page; follow `nextPageToken` until `isLast`. */
  searchJql(request: SearchJqlRequest): Promise<JiraResult<SearchJqlPage>>;
  /** Server/DC `POST search`: one startAt/total page; Cloud answers 410 `gone`. */
  searchLegacy(request: LegacySearchRequest): Promise<JiraResult<LegacySearchPage>>;
  /** Cloud `POST issue/bulkfetch` for up to 100 ids or keys; throws beyond that (a caller bug). */
  bulkFetch(
    idsOrKeys: readonly string[],
    fields?: readonly string[],
  ): Promise<JiraResult<BulkFetchResult>>;
  /**
   * bulkFetch with the answer left as text, for a caller that parses it later with
   * `parseBody(BulkFetchSchema, body)` (after the request has left the site's budget).
   */
  bulkFetchUnparsed(
    idsOrKeys: readonly string[],
    fields?: readonly string[],
  ): Promise<JiraResult<UnparsedBody>>;
  /** Cloud `POST search/approximate-count`. */
  approximateCount(jql: string): Promise<JiraResult<{ count: number }>>;
}

function bulkFetchCall(idsOrKeys: readonly string[], fields?: readonly string[]): JiraCall {
  if (idsOrKeys.length === 0 || idsOrKeys.length > BULK_FETCH_LIMIT) {
    throw new RangeError(`bulkFetch takes 1 to ${BULK_FETCH_LIMIT} ids, got ${idsOrKeys.length}`);
  }
  return {
    method: 'POST',
    segments: ['issue', 'bulkfetch'],
    body: { issueIdsOrKeys: idsOrKeys, ...(fields === undefined ? {} : { fields }) },
    idempotent: true,
  };
}

/** Binds the search endpoints to a transport; these POSTs only read, so they are retried like GETs. */
export function searchEndpoints(transport: Transport): SearchEndpoints {
  return {
    searchJql: (request) =>
      transport.json(
        { method: 'POST', segments: ['search', 'jql'], body: request, idempotent: true },
        SearchJqlPageSchema,
      ),
    searchLegacy: (request) =>
      transport.json(
        { method: 'POST', segments: ['search'], body: request, idempotent: true },
        LegacySearchPageSchema,
      ),
    bulkFetch: (idsOrKeys, fields) =>
      transport.json(bulkFetchCall(idsOrKeys, fields), BulkFetchSchema),
    bulkFetchUnparsed: (idsOrKeys, fields) => transport.unparsed(bulkFetchCall(idsOrKeys, fields)),
    approximateCount: (jql) =>
      transport.json(
        {
          method: 'POST',
          segments: ['search', 'approximate-count'],
          body: { jql },
          idempotent: true,
        },
        ApproximateCountSchema,
      ),
  };
}
