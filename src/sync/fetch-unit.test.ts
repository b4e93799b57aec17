import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { JiraClient, JiraComment } from '../jira/index.ts';
import type { CommentPage } from '../jira/schemas/comment.ts';
import type { SyncContext } from './context.ts';
import { emptyCounts } from './context.ts';
import { fetchUnit } from './fetch-unit.ts';

const AT = '2026-11-23T10:00:00.000+0000';
const comment = (id: number): JiraComment => ({ id: String(id), body: `c${id}`, created: AT });

/**
 * A Server/DC unit whose issue embeds comments 1-3 of five, and a comment endpoint that answers
 * from `current` (the comments as Jira holds them when the page is asked for).
 */
function setUp(current: JiraComment[]) {
  const asked: number[] = [];
  const client: Partial<JiraClient> = {
    getComments: (_id, page = {}) => {
      const startAt = page.startAt ?? 0;
      asked.push(startAt);
      const value: CommentPage = {
        startAt,
        maxResults: 100,
        total: current.length,
        comments: current.slice(startAt, startAt + 100),
      };
      return Promise.resolve({
        ok: true,
        value,
        meta: { status: 200, redirects: 0, attempts: 1 },
      });
    },
  };
  const ctx = {
    client,
    integrationId: 'i1',
    deployment: 'datacenter',
    counts: emptyCounts(),
    concurrency: 1,
    signal: new AbortController().signal,
    logger: pino({ level: 'silent' }),
    now: () => new Date(),
  } as unknown as SyncContext;
  const issue = {
    id: '10',
    key: 'A-1',
    fields: {
      summary: 'one',
      created: AT,
      updated: AT,
      project: { id: '1', key: 'A' },
      comment: { comments: [1, 2, 3].map(comment), total: 5, startAt: 0, maxResults: 3 },
    },
  };
  const run = async () => {
    const fetched = await fetchUnit(ctx, { kind: 'issues', after: 0, upTo: null, issues: [issue] });
    if (!fetched.ok) throw new Error('fetch failed');
    return fetched.value.records[0]?.comments.map((c) => c.jira_id);
  };
  return { asked, run };
}

describe('fetchUnit comments', () => {
  it('reads only the comments after the embedded ones, the first page starting on the last embedded', async () => {
    const { asked, run } = setUp([1, 2, 3, 4, 5].map(comment));
    expect(await run()).toEqual(['1', '2', '3', '4', '5']);
    expect(asked).toEqual([2]);
  });

  it('reads every page anew when an embedded comment was deleted meanwhile', async () => {
    const { asked, run } = setUp([1, 3, 4, 5].map(comment));
    expect(await run()).toEqual(['1', '3', '4', '5']);
    expect(asked).toEqual([2, 0]);
  });
});
