import { describe, expect, it } from 'vitest';
import { jiraTimeToIso } from './jira-time.ts';

describe('jiraTimeToIso', () => {
  it('reads Jira timestamps with any offset as UTC', () => {
    expect(jiraTimeToIso('2026-11-23T10:00:00.000+0100')).toBe('2026-11-23T09:00:00.000Z');
    expect(jiraTimeToIso('2026-11-23T23:30:15.250-0530')).toBe('2026-11-24T05:00:15.250Z');
    expect(jiraTimeToIso('2026-01-01T00:10:00.000+1300')).toBe('2025-12-31T11:10:00.000Z');
    expect(jiraTimeToIso('2026-11-23T10:00:00+01:00')).toBe('2026-11-23T09:00:00.000Z');
  });

  it('refuses what is not a time', () => {
    expect(jiraTimeToIso(undefined)).toBeNull();
    expect(jiraTimeToIso('yesterday')).toBeNull();
    expect(jiraTimeToIso('2026-11-23T25:00:00.000+0000')).toBeNull();
  });
});
