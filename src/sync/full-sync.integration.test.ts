import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/storage.ts';
import { listProjectRows } from '../storage/mirror-projects.ts';
import { findSyncState } from '../storage/sync-state.ts';
import type { SyncFixture } from './testing/fixture.ts';
import { createSyncFixture, expectParity } from './testing/fixture.ts';

describe.each(DIALECTS)('full and incremental sync on %s', (dialect) => {
  let fixture: SyncFixture | undefined;
  afterEach(async () => {
    await fixture?.close();
    fixture = undefined;
  });

  it('mirrors a Cloud site exactly through short pages, faults and 429s, then follows changes', async () => {
    fixture = await createSyncFixture(dialect, {
      flavor: 'cloud',
      issues: 200,
      projects: 3,
      timeZone: 'Pacific/Auckland',
      pageCap: 7,
      faultRate: 0.02,
      maxConcurrent: 3,
      seed: 7,
    });
    const { sandbox } = fixture;
    const busy = sandbox.listIssues()[5];
    if (busy === undefined) throw new Error('no issue');
    for (let i = 0; i < 120; i++) sandbox.addComment(busy.key, `comment ${i}`);

    const full = await fixture.sync('full');
    expect(full.outcome).toEqual({ ran: true, status: 'succeeded' });
    expect(full.run.status).toBe('succeeded');
    await expectParity(fixture);
    expect((await listProjectRows(fixture.storage.db, fixture.integrationId)).length).toBe(3);
    expect(
      (await findSyncState(fixture.storage.db, fixture.integrationId))?.last_full_at,
    ).not.toBeNull();

    const issues = sandbox.listIssues();
    const [a, b, c, d] = [issues[10], issues[20], issues[30], issues[40]];
    if (a === undefined || b === undefined || c === undefined || d === undefined)
      throw new Error('few');
    sandbox.updateIssue(a.key, { summary: 'changed in Jira', labels: ['x'] });
    const otherProject = issues.find((i) => i.projectKey !== b.projectKey)?.projectKey ?? '';
    sandbox.moveIssue(b.key, otherProject);
    sandbox.deleteIssue(c.key);
    sandbox.addComment(d.key, 'a new comment');
    sandbox.createIssue({ projectKey: a.projectKey, summary: 'created after the full sync' });

    const incremental = await fixture.sync('incremental');
    expect(incremental.outcome).toEqual({ ran: true, status: 'succeeded' });
    await expectParity(fixture);
  });
});
