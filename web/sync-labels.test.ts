import { describe, expect, it } from 'vitest';
import type { SyncRunView } from '../src/shared/mirror.ts';
import { formatRate, formatSeconds, percentDone, phaseLabel, runDuration } from './sync-labels.ts';

function run(changes: Partial<SyncRunView>): SyncRunView {
  return {
    id: 'run-1',
    integrationId: 'int-1',
    mode: 'full',
    status: 'running',
    phase: 'issues',
    counts: { listed: 0, written: 0, stale: 0, deleted: 0, comments: 0, unreadable: 0 },
    done: 0,
    total: null,
    rate: null,
    etaSeconds: null,
    createdAt: '2026-11-23T10:00:00.000Z',
    startedAt: '2026-11-23T10:00:00.000Z',
    finishedAt: null,
    ...changes,
  };
}

describe('sync labels', () => {
  it('spells spans of time from under a second to hours', () => {
    expect(formatSeconds(0.4)).toBe('under 1 s');
    expect(formatSeconds(44.6)).toBe('45 s');
    expect(formatSeconds(200)).toBe('3 min 20 s');
    expect(formatSeconds(7500)).toBe('2 h 5 min');
  });

  it('rounds slow rates to a tenth and fast ones to whole issues', () => {
    expect(formatRate(0.46)).toBe('0.5 issues/s');
    expect(formatRate(78.4)).toBe('78 issues/s');
  });

  it('has no percentage without a total, and never more than 100', () => {
    expect(percentDone(run({ done: 300, total: null }))).toBeNull();
    expect(percentDone(run({ done: 0, total: 0 }))).toBeNull();
    expect(percentDone(run({ done: 299, total: 1200 }))).toBe(24);
    // Cloud's total is approximate: a run may list more than it announced.
    expect(percentDone(run({ done: 1300, total: 1200 }))).toBe(100);
  });

  it('measures a finished run to its end and a live one to now', () => {
    const now = new Date('2026-11-23T10:00:30.000Z');
    expect(runDuration(run({ startedAt: null }), now)).toBeNull();
    expect(runDuration(run({}), now)).toBe('30 s');
    expect(runDuration(run({ finishedAt: '2026-11-23T10:00:06.000Z' }), now)).toBe('6 s');
  });

  it('names known phases and shows an unknown one as it is', () => {
    expect(phaseLabel('issues')).toBe('Copying issues');
    expect(phaseLabel('something-new')).toBe('something-new');
  });
});
