import { describe, expect, it } from 'vitest';
import type { SyncRunView } from '../shared/mirror.ts';
import { progressBar, progressText, summaryText } from './sync-progress.ts';

const run: SyncRunView = {
  id: 'r1',
  integrationId: 'i1',
  mode: 'full',
  status: 'running',
  phase: 'issues',
  counts: { listed: 500, written: 480, stale: 0, deleted: 2, comments: 900, unreadable: 0 },
  done: 500,
  total: 2000,
  rate: 250.4,
  etaSeconds: 75,
  createdAt: '2026-11-23T10:00:00.000Z',
  startedAt: '2026-11-23T10:00:00.000Z',
  finishedAt: null,
};

describe('sync progress', () => {
  it('shows phase, done/total, rate and ETA, with a bar when the total is known', () => {
    expect(progressText(run)).toBe('issues  500/2000 issues  250/s  ETA 1m15s');
    expect(progressBar(run)).toBe(
      '[######------------------]  25%  issues  500/2000 issues  250/s  ETA 1m15s',
    );
    expect(progressBar({ ...run, total: null, rate: null, etaSeconds: null })).toBe(
      'issues  500 issues',
    );
  });

  it('sums up a finished run', () => {
    expect(
      summaryText({ ...run, status: 'succeeded', finishedAt: '2026-11-23T10:00:09.000Z' }),
    ).toBe('full sync succeeded in 9s: 500 listed, 480 written, 2 deleted, 900 comments');
  });
});
