import { z } from 'zod';
import { CommentSchema } from '../../src/jira/schemas/comment.ts';
import { IssueSchema } from '../../src/jira/schemas/issue.ts';
import { writeIssueBatch } from '../../src/storage/mirror-batch.ts';
import { issueToRecord } from '../../src/sync/issue-row.ts';
import { createMirrorDatabase } from './mirror-database.ts';
import type { Target } from './protocol.ts';
import { post } from './protocol.ts';

/** A full-field search page: every hit has its key and fields. */
const PageSchema = z.looseObject({
  issues: z.array(IssueSchema),
  nextPageToken: z.string().optional(),
});

const EmbeddedComments = z.looseObject({ comments: z.array(CommentSchema) }).optional();

/** What the naive sync did. */
export interface NaiveRun {
  wallMs: number;
  requests: number;
  stored: number;
}

/**
 * How most connectors sync: one full-field search page of 100 after the other, each parsed and
 * stored before the next is asked for. Cloud has no startAt search any more (the old /search
 * answers 410), so the pages follow nextPageToken, which is the same one-at-a-time pattern.
 */
export async function runNaiveSync(target: Target): Promise<NaiveRun> {
  const mirror = await createMirrorDatabase(target);
  try {
    const started = performance.now();
    let requests = 0;
    let token: string | undefined;
    do {
      const page = PageSchema.parse(
        await (
          await post(target, '/rest/api/3/search/jql', {
            jql: 'id > 0 ORDER BY id ASC',
            maxResults: 100,
            fields: ['*all'],
            ...(token === undefined ? {} : { nextPageToken: token }),
          })
        ).json(),
      );
      requests++;
      const at = new Date().toISOString();
      const records = page.issues.flatMap((issue) => {
        const comments = EmbeddedComments.parse(issue.fields.comment)?.comments ?? [];
        const record = issueToRecord(mirror.integrationId, issue, comments, at);
        return record.ok ? [record.value] : [];
      });
      await writeIssueBatch(mirror.storage.db, {
        integrationId: mirror.integrationId,
        at,
        issues: records.map(({ row, comments }) => ({ row, comments })),
        users: records.flatMap((r) => r.users),
      });
      token = page.nextPageToken;
    } while (token !== undefined);
    const wallMs = performance.now() - started;
    return { wallMs, requests, stored: await mirror.countIssues() };
  } finally {
    await mirror.close();
  }
}
