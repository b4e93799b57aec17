import { z } from 'zod';
import { IssueSchema } from './issue.ts';

/** A /search/jql hit: without `fields` asked for, Cloud sends only the `id`. */
export const SearchHitSchema = IssueSchema.extend({ key: z.string().optional() });

/** A parsed /search/jql hit. */
export type SearchHit = z.infer<typeof SearchHitSchema>;

/**
 * Cloud `POST /search/jql`: pages by `nextPageToken` until `isLast`; a page
 * may hold fewer issues than `maxResults` while more remain.
 */
export const SearchJqlPageSchema = z.looseObject({
  issues: z.array(SearchHitSchema),
  nextPageToken: z.string().optional(),
  isLast: z.boolean().optional(),
});

/** A parsed /search/jql page. */
export type SearchJqlPage = z.infer<typeof SearchJqlPageSchema>;

/** Server/DC `POST /search`: pages by `startAt`; `maxResults` may be capped silently. */
export const LegacySearchPageSchema = z.looseObject({
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number(),
  issues: z.array(IssueSchema),
});

/** A parsed legacy search page. */
export type LegacySearchPage = z.infer<typeof LegacySearchPageSchema>;

/** Cloud `POST /issue/bulkfetch`: the issues found, and an error per id or key that was not. */
export const BulkFetchSchema = z.looseObject({
  issues: z.array(IssueSchema),
  issueErrors: z
    .array(z.looseObject({ id: z.string().optional(), errorMessage: z.string().optional() }))
    .default([]),
});

/** A parsed bulk fetch answer. */
export type BulkFetchResult = z.infer<typeof BulkFetchSchema>;

/** Cloud `POST /search/approximate-count`. */
export const ApproximateCountSchema = z.looseObject({ count: z.number() });
