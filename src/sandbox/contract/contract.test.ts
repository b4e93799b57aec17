import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../index.ts';
import { CLOUD_CASES } from './cloud-cases.ts';
import { DC_CASES } from './dc-cases.ts';
import { SpecValidator, type SpecName } from './spec-validator.ts';

describe('contract: responses validate against Atlassian OpenAPI schemas', () => {
  const validator = new SpecValidator();
  const sandboxes = new Map<SpecName, Sandbox>();
  beforeAll(async () => {
    sandboxes.set('cloud', await startSandbox({ flavor: 'cloud', issues: 300, seed: 9 }));
    sandboxes.set('datacenter', await startSandbox({ flavor: 'datacenter', issues: 300, seed: 9 }));
  });
  afterAll(async () => {
    for (const sandbox of sandboxes.values()) await sandbox.stop();
  });

  it.each(
    [...CLOUD_CASES, ...DC_CASES].map(
      (c) => [`${c.spec} ${c.method.toUpperCase()} ${c.specPath} ${c.status}`, c] as const,
    ),
  )('%s', async (_name, contract) => {
    const response = await contract.request(sandboxes.get(contract.spec)!);
    expect(response.status).toBe(contract.status);
    const body =
      contract.defect === undefined ? response.body : contract.defect.adjust(response.body);
    expect(
      validator.validate(
        contract.spec,
        contract.specPath,
        contract.method,
        contract.status,
        body,
        contract.each,
      ),
    ).toEqual([]);
  });

  it('rejects bodies that break a schema (the validator is not vacuous)', () => {
    expect(
      validator.validate('cloud', '/rest/api/3/search/jql', 'get', 200, {
        issues: 'none',
        extra: true,
      }),
    ).not.toEqual([]);
    expect(
      validator.validate('datacenter', '/api/2/search', 'get', 200, { total: 'many' }),
    ).not.toEqual([]);
  });

  it('covers every path/status pair listed above', () => {
    const pairs = new Set(
      [...CLOUD_CASES, ...DC_CASES].map((c) => `${c.spec} ${c.method} ${c.specPath} ${c.status}`),
    );
    expect(pairs.size).toBe(45);
  });
});
