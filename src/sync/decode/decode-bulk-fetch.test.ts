import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { DecodeRequest } from './decode-bulk-fetch.ts';
import { decodeBulkFetch } from './decode-bulk-fetch.ts';

const AT = '2026-11-23T10:00:00.000+0100';

/** A bulk fetch answer's issue with `embedded` of `total` comments and a description of `words`. */
function bulkIssue(id: number, embedded: number, total: number, words = 'nest') {
  return {
    id: String(id),
    key: `OWL-${id}`,
    fields: {
      summary: `Issue ${id}`,
      created: AT,
      updated: AT,
      project: { id: '1', key: 'OWL' },
      description: words,
      comment: {
        comments: Array.from({ length: embedded }, (_, i) => ({
          id: String(id * 1000 + i),
          body: `comment ${i}`,
          created: AT,
        })),
        total,
        startAt: 0,
        maxResults: 100,
      },
    },
  };
}

/** A decode request for a bulk fetch answer holding `issues`. */
function bulkAnswer(issues: readonly unknown[]): DecodeRequest {
  return {
    body: {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ issues, issueErrors: [] }),
    },
    integrationId: 'i1',
    syncedAt: '2026-11-23T12:00:00.000Z',
  };
}

describe('decodeBulkFetch', () => {
  it('makes records of the complete issues and hands back those with more comments than embedded', async () => {
    const decoded = await decodeBulkFetch(
      bulkAnswer([bulkIssue(1, 2, 2, 'owls'), bulkIssue(2, 3, 150), bulkIssue(3, 0, 0)]),
    );
    if (!decoded.ok) throw new Error('not decoded');
    expect(decoded.records.map((r) => r.row.key)).toEqual(['OWL-1', 'OWL-3']);
    expect(decoded.records[0]?.comments.map((c) => c.jira_id)).toEqual(['1000', '1001']);
    expect(decoded.records[0]?.terms).toContain('owls');
    expect(JSON.parse(decoded.records[0]?.row.fields_json ?? '')).not.toHaveProperty('comment');
    expect(decoded.incomplete.map((issue) => issue.key)).toEqual(['OWL-2']);
    expect(decoded.unreadable).toEqual([]);
  });

  it('reports an issue without its core fields as unreadable, with the path', async () => {
    const broken = {
      ...bulkIssue(4, 0, 0),
      fields: { summary: 42, comment: { comments: [], total: 0 } },
    };
    const decoded = await decodeBulkFetch(bulkAnswer([broken, bulkIssue(5, 0, 0)]));
    expect(decoded).toMatchObject({
      ok: true,
      unreadable: [{ id: '4', path: 'summary' }],
      records: [{ row: { key: 'OWL-5' } }],
    });
  });

  it('calls an HTML page not Jira and JSON of another shape an invalid response', async () => {
    const request = bulkAnswer([]);
    expect(
      await decodeBulkFetch({ ...request, body: { status: 200, body: '<html>Log in</html>' } }),
    ).toMatchObject({ ok: false, error: { kind: 'not_jira', reason: 'html' } });
    expect(
      await decodeBulkFetch({ ...request, body: { status: 200, body: '{"issues":[{"key":1}]}' } }),
    ).toMatchObject({ ok: false, error: { kind: 'invalid_response', path: 'issues.0.id' } });
  });
});

it('lets the event loop turn while it decodes', async () => {
  const request = bulkAnswer(Array.from({ length: 100 }, (_, i) => bulkIssue(i + 1, 1, i % 7)));
  let turns = 0;
  let counting = true;
  const count = async () => {
    while (counting) {
      await nextTurn();
      turns++;
    }
  };
  const counted = count();
  const decoded = await decodeBulkFetch(request);
  counting = false;
  await counted;
  expect(decoded).toMatchObject({ ok: true, unreadable: [] });
  if (!decoded.ok) return;
  expect(decoded.records.length + decoded.incomplete.length).toBe(100);
  expect(turns).toBeGreaterThanOrEqual(9);
});
