import { describe, expect, it } from 'vitest';
import { auditSummary } from './summary.ts';

describe('auditSummary', () => {
  it('redacts secrets at any depth and shortens long values', () => {
    const summary = auditSummary({
      name: 'Jira',
      token: 'secret-token',
      nested: { password: 'p', apiKey: 'k', keep: 1 },
      text: 'x'.repeat(500),
    });
    expect(summary).toEqual({
      name: 'Jira',
      token: '[redacted]',
      nested: { password: '[redacted]', apiKey: '[redacted]', keep: 1 },
      text: `${'x'.repeat(200)}…`,
    });
    expect(JSON.stringify(summary)).not.toContain('secret-token');
  });
});
