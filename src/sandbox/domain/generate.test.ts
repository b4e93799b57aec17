import { describe, expect, it } from 'vitest';
import { generateData } from './generate.ts';

const ANCHOR = Date.UTC(2026, 5, 1);
const options = {
  flavor: 'cloud',
  seed: 42,
  projects: 4,
  issues: 2000,
  timeZone: 'UTC',
  anchorTime: ANCHOR,
} as const;

describe('generateData', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateData(options);
    const b = generateData(options);
    const c = generateData({ ...options, seed: 43 });
    expect(a.issues.map((i) => i.summary)).toEqual(b.issues.map((i) => i.summary));
    expect(a.users.map((u) => u.id)).toEqual(b.users.map((u) => u.id));
    expect(a.issues.map((i) => i.summary)).not.toEqual(c.issues.map((i) => i.summary));
  });

  it('has the variety real Jira data has', () => {
    const { issues } = generateData(options);
    const byId = new Map(issues.map((i) => [i.id, i]));
    const subtasks = issues.filter((i) => i.parentId !== null);
    expect(subtasks.length).toBeGreaterThan(100);
    for (const subtask of subtasks) {
      const parent = byId.get(subtask.parentId ?? 0);
      expect(parent?.projectId).toBe(subtask.projectId);
      expect(parent?.parentId).toBeNull();
      expect(subtask.issueTypeId).toBe('10005');
    }
    expect(issues.some((i) => i.assigneeId === null)).toBe(true);
    expect(issues.some((i) => i.description === null)).toBe(true);
    expect(issues.some((i) => i.generatedComments > 100)).toBe(true);
    expect(
      issues.some(
        (i) =>
          i.custom.storyPoints !== null && i.custom.team !== null && i.custom.reviewers.length > 0,
      ),
    ).toBe(true);
    const created = issues.map((i) => i.created);
    expect(Math.min(...created)).toBeLessThan(ANCHOR - 700 * 86_400_000);
    expect(Math.max(...created)).toBeLessThanOrEqual(ANCHOR);
    expect(issues.every((i) => i.updated >= i.created && i.updated <= ANCHOR)).toBe(true);
  });

  it('generates 100,000 issues quickly', () => {
    const started = performance.now();
    expect(generateData({ ...options, issues: 100_000 }).issues).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
