import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/storage.ts';
import { richTextToText } from '../shared/issue-text.ts';
import { createSyncFixture } from '../sync/testing/fixture.ts';
import { listAllIssueRows, listIssueRows } from './mirror-issue-queries.ts';

describe.each(DIALECTS)('issue search after a sync on %s', (dialect) => {
  it.each(['cloud', 'datacenter'] as const)(
    'finds the words of %s descriptions, comments and labels',
    async (flavor) => {
      const fixture = await createSyncFixture(dialect, { flavor, issues: 12 });
      try {
        const [commented, labelled] = fixture.sandbox.listIssues();
        if (commented === undefined || labelled === undefined) throw new Error('no issues');
        fixture.sandbox.addComment(commented.id, 'The *zebrafish* pipeline fails: {{npm ci}}');
        fixture.sandbox.updateIssue(labelled.id, { labels: ['Überprüfung'] });
        await fixture.sync('full');
        const { db } = fixture.storage;
        const search = async (q: string) =>
          (await listIssueRows(db, fixture.integrationId, { q }, { limit: 50 })).map((r) => r.key);

        expect(await search('zebrafish pipe')).toEqual([commented.key]);
        expect(await search('UBERPRUF')).toEqual([labelled.key]);
        // Every issue is found by the longest word of its description, ADF (Cloud) or wiki (DC).
        for (const row of await listAllIssueRows(db, fixture.integrationId)) {
          const fields = JSON.parse(row.fields_json) as { description?: unknown };
          const words = richTextToText(fields.description).split(/[^\p{L}\p{N}]+/u);
          const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
          if (longest !== '') expect(await search(longest)).toContain(row.key);
        }
      } finally {
        await fixture.close();
      }
    },
  );
});
