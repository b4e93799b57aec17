import { describe, expect, it } from 'vitest';
import { parseSandboxFlags } from './cli-options.ts';

describe('parseSandboxFlags', () => {
  it('converts flags to options', () => {
    expect(
      parseSandboxFlags({
        port: '8089',
        flavor: 'datacenter',
        basePath: '/jira',
        faultRate: '0.05',
        issues: '1000',
      }),
    ).toEqual({
      options: {
        port: 8089,
        flavor: 'datacenter',
        basePath: '/jira',
        faultRate: 0.05,
        issues: 1000,
      },
    });
  });

  it('names every bad flag', () => {
    const result = parseSandboxFlags({
      port: 'x',
      flavor: 'server',
      faultRate: '1.5',
      basePath: 'jira',
    });
    expect(result).toEqual({
      errors: [
        '--port must be a whole number',
        '--flavor must be cloud or datacenter',
        '--base-path must start with / (for example /jira)',
        '--fault-rate must be a number between 0 and 1',
      ],
    });
  });
});
