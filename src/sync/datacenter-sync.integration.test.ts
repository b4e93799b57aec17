import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/storage.ts';
import { listAllIssueRows } from '../storage/mirror-issue-queries.ts';
import type { SyncFixture } from './testing/fixture.ts';
import { createSyncFixture, expectParity } from './testing/fixture.ts';

describe.each(DIALECTS)('Data Center sync on %s', (dialect) => {
  let fixture: SyncFixture | undefined;
  afterEach(async () => {
    await fixture?.close();
    fixture = undefined;
  });

  it('mirrors through silently capped startAt pages, then follows changes', async () => {
    fixture = await createSyncFixture(dialect, {
      flavor: 'datacenter',
      issues: 150,
      timeZone: 'Asia/Kolkata',
      pageCap: 7,
      faultRate: 0.02,
      maxConcurrent: 3,
      seed: 11,
    });
    const { sandbox } = fixture;
    const busy = sandbox.listIssues()[2];
    if (busy === undefined) throw new Error('no issue');
    for (let i = 0; i < 105; i++) sandbox.addComment(busy.key, `comment ${i}`);
    expect((await fixture.sync('full')).outcome).toEqual({ ran: true, status: 'succeeded' });
    await expectParity(fixture);

    const issues = sandbox.listIssues();
    const [a, b, c] = [issues[7], issues[8], issues[9]];
    if (a === undefined || b === undefined || c === undefined) throw new Error('few');
    sandbox.updateIssue(a.key, { status: 'Done' });
    sandbox.moveIssue(b.key, issues.find((i) => i.projectKey !== b.projectKey)?.projectKey ?? '');
    sandbox.deleteIssue(c.key);
    sandbox.createIssue({ projectKey: a.projectKey, summary: 'new on Data Center' });
    expect((await fixture.sync('incremental')).outcome).toEqual({ ran: true, status: 'succeeded' });
    await expectParity(fixture);
  });

  it('reads id ranges concurrently through a page cap while issues are deleted, skipping none', async () => {
    fixture = await createSyncFixture(dialect, {
      flavor: 'datacenter',
      issues: 300,
      pageCap: 10,
      latencyMs: 3,
      seed: 5,
    });
    const { sandbox, storage, integrationId } = fixture;
    const before = sandbox.listIssues();
    const deleted = new Set<string>();
    sandbox.resetStats();
    // Low ids go while the ranges are read: every startAt position after them shifts left.
    const deleter = setInterval(() => {
      const searches = sandbox.stats().byRoute['POST /rest/api/2/search'] ?? 0;
      const victim = before[1 + deleted.size * 7];
      if (searches >= 3 && deleted.size < 12 && victim !== undefined) {
        sandbox.deleteIssue(victim.key);
        deleted.add(victim.id);
      }
    }, 1);
    const full = await fixture.sync('full');
    clearInterval(deleter);
    expect(full.outcome).toEqual({ ran: true, status: 'succeeded' });
    expect(full.run.total).toBe(300);
    expect(deleted.size).toBeGreaterThan(0);
    const mirrored = new Set(
      (await listAllIssueRows(storage.db, integrationId)).map((row) => row.jira_id),
    );
    const kept = before.filter((issue) => !deleted.has(issue.id));
    expect(kept.filter((issue) => !mirrored.has(issue.id))).toEqual([]);
    for (const id of mirrored) expect(kept.some((i) => i.id === id) || deleted.has(id)).toBe(true);

    expect((await fixture.sync('incremental')).outcome).toEqual({ ran: true, status: 'succeeded' });
    await expectParity(fixture);
  });
});
