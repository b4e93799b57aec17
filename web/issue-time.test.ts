import { describe, expect, it } from 'vitest';
import { formatIssueTime, isJiraTimestamp } from './issue-time.ts';

describe('issue times', () => {
  it('recognises Jira timestamps with or without a colon in the offset, not bare dates', () => {
    expect(isJiraTimestamp('2026-11-23T12:37:00.242+0100')).toBe(true);
    expect(isJiraTimestamp('2026-11-23T11:37:00.000Z')).toBe(true);
    expect(isJiraTimestamp('2026-11-23')).toBe(false);
    expect(isJiraTimestamp('soon')).toBe(false);
  });

  it('leaves what is not a date as it is', () => {
    expect(formatIssueTime('not a date')).toBe('not a date');
    expect(formatIssueTime('2026-11-23T11:37:00.000Z')).toMatch(/2026/);
  });
});
