import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/storage.ts';
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
});
