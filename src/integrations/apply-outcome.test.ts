import { describe, expect, it } from 'vitest';
import type { IntegrationRow } from '../storage/schema.ts';
import { MAX_RETRY_INTERVAL_MS, RECHECK_INTERVAL_MS, outcomeToChanges } from './apply-outcome.ts';
import type { VerificationOutcome } from './verification/outcome.ts';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const row = { consecutive_failures: 0 } as IntegrationRow;
const failed = (
  code: 'unreachable' | 'invalid_credentials' | 'captcha_required' | 'rate_limited',
): VerificationOutcome => ({
  status: 'failed',
  checks: [],
  deployment: null,
  error: { code, message: 'm', hint: 'h' },
  ...(code === 'rate_limited' ? { retryAfterMs: 30_000 } : {}),
});

describe('outcomeToChanges', () => {
  it('schedules the hourly re-check of a connected integration and clears failures', () => {
    const { changes, retryAt } = outcomeToChanges(
      { ...row, consecutive_failures: 3 },
      {
        status: 'connected',
        checks: [],
        deployment: { deployment: 'cloud', version: '1', baseUrl: 'https://x', serverTitle: null },
        account: {
          displayName: 'A',
          emailAddress: null,
          username: null,
          accountId: 'a',
          timeZone: 'UTC',
        },
        access: { visibleProjects: 1, permissions: {} },
      },
      NOW,
    );
    expect(changes).toMatchObject({
      status: 'connected',
      consecutive_failures: 0,
      error_json: null,
    });
    expect(changes.next_check_at).toBe(new Date(NOW.getTime() + RECHECK_INTERVAL_MS).toISOString());
    expect(retryAt).toBeNull();
  });

  it('never re-checks by itself after a rejected credential or a CAPTCHA lock', () => {
    for (const code of ['invalid_credentials', 'captcha_required'] as const) {
      const { changes, retryAt } = outcomeToChanges(row, failed(code), NOW);
      expect(changes).toMatchObject({ status: 'failed', next_check_at: null });
      expect(retryAt).toBeNull();
    }
  });

  it('backs off transient failures, doubling up to a cap', () => {
    const waits = [1, 2, 3, 10].map((previous) => {
      const { changes } = outcomeToChanges(
        { ...row, consecutive_failures: previous - 1 },
        failed('unreachable'),
        NOW,
      );
      return new Date(changes.next_check_at ?? 0).getTime() - NOW.getTime();
    });
    expect(waits).toEqual([300_000, 600_000, 1_200_000, MAX_RETRY_INTERVAL_MS]);
  });

  it('keeps the status on a rate limit and retries when Jira said', () => {
    const { changes, retryAt } = outcomeToChanges(row, failed('rate_limited'), NOW);
    expect(changes.status).toBeUndefined();
    expect(retryAt?.toISOString()).toBe('2026-11-23T10:00:30.000Z');
  });
});
