import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../index.ts';
import { call, type TestResponse } from '../test-client.ts';
import { SpecValidator, type SpecName } from './spec-validator.ts';

interface ContractCase {
  readonly spec: SpecName;
  readonly method: 'get' | 'post';
  /** The path as the OpenAPI document names it. */
  readonly specPath: string;
  readonly status: number;
  /** Jira answers an array where the document (wrongly) declares one object: validate each element. */
  readonly each?: boolean;
  /** Works around a defect of the document (the reason says which), keeping the rest of the body checked. */
  readonly defect?: { readonly reason: string; readonly adjust: (body: unknown) => unknown };
  readonly request: (sandbox: Sandbox) => Promise<TestResponse>;
}

function withoutKey(key: string) {
  return (body: unknown): unknown => {
    if (typeof body !== 'object' || body === null) return body;
    return Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
  };
}

function objectFieldsOnly(issue: unknown): unknown {
  if (
    typeof issue !== 'object' ||
    issue === null ||
    !('fields' in issue) ||
    typeof issue.fields !== 'object' ||
    issue.fields === null
  )
    return issue;
  const fields = Object.fromEntries(
    Object.entries(issue.fields).filter(
      ([, v]) => typeof v === 'object' && v !== null && !Array.isArray(v),
    ),
  );
  return { ...issue, fields };
}

const DC_FIELDS_DEFECT = {
  reason:
    'the DC document types every IssueBean.fields value as an object; strings, numbers, arrays and nulls are checked by the behaviour tests',
  adjust: (body: unknown): unknown => {
    if (typeof body === 'object' && body !== null && 'issues' in body && Array.isArray(body.issues))
      return { ...body, issues: body.issues.map(objectFieldsOnly) };
    return objectFieldsOnly(body);
  },
};

const adf = {
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Contract' }] }],
};

const CLOUD: readonly ContractCase[] = [
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/serverInfo',
    status: 200,
    defect: {
      reason:
        'defaultLocale is in recorded Cloud answers and in the document example, but not in its schema',
      adjust: withoutKey('defaultLocale'),
    },
    request: (s) => call(s, '/rest/api/3/serverInfo'),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/myself',
    status: 200,
    request: (s) => call(s, '/rest/api/3/myself'),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/mypermissions',
    status: 200,
    request: (s) =>
      call(s, '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,CREATE_ISSUES,ADMINISTER'),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/mypermissions',
    status: 400,
    request: (s) => call(s, '/rest/api/3/mypermissions'),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/mypermissions',
    status: 404,
    request: (s) =>
      call(s, '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=NOPE'),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/project/search',
    status: 200,
    request: (s) => call(s, '/rest/api/3/project/search?maxResults=2'),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/project',
    status: 200,
    request: (s) => call(s, '/rest/api/3/project'),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/project/{projectIdOrKey}',
    status: 200,
    request: (s) => call(s, '/rest/api/3/project/OWL'),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/issuetype',
    status: 200,
    request: (s) => call(s, '/rest/api/3/issuetype'),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/status',
    status: 200,
    request: (s) => call(s, '/rest/api/3/status'),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/statuscategory',
    status: 200,
    request: (s) => call(s, '/rest/api/3/statuscategory'),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/priority',
    status: 200,
    request: (s) => call(s, '/rest/api/3/priority'),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/field',
    status: 200,
    request: (s) => call(s, '/rest/api/3/field'),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/issue/{issueIdOrKey}',
    status: 200,
    request: (s) => call(s, '/rest/api/3/issue/OWL-2?expand=names'),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/issue/{issueIdOrKey}/comment',
    status: 200,
    request: (s) => call(s, '/rest/api/3/issue/OWL-3/comment'),
  },
  {
    spec: 'cloud',
    method: 'post',
    specPath: '/rest/api/3/issue/{issueIdOrKey}/comment',
    status: 201,
    request: (s) => call(s, '/rest/api/3/issue/OWL-3/comment', { body: { body: adf } }),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    status: 200,
    request: (s) => call(s, '/rest/api/3/issue/OWL-3/transitions'),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/search/jql',
    status: 200,
    request: (s) => call(s, '/rest/api/3/search/jql?jql=project%3DOWL&maxResults=5'),
  },
  {
    spec: 'cloud',
    method: 'post',
    specPath: '/rest/api/3/search/jql',
    status: 200,
    request: (s) =>
      call(s, '/rest/api/3/search/jql', {
        body: { jql: 'project = OWL', fields: ['*all'], expand: 'names', maxResults: 5 },
      }),
  },
  {
    spec: 'cloud',
    method: 'post',
    specPath: '/rest/api/3/issue/bulkfetch',
    status: 200,
    request: (s) =>
      call(s, '/rest/api/3/issue/bulkfetch', {
        body: { issueIdsOrKeys: ['OWL-1', 'PAY-1', 'NOPE-1'] },
      }),
  },
  {
    spec: 'cloud',
    method: 'post',
    specPath: '/rest/api/3/search/approximate-count',
    status: 200,
    request: (s) =>
      call(s, '/rest/api/3/search/approximate-count', { body: { jql: 'project = OWL' } }),
  },
  {
    spec: 'cloud',
    method: 'post',
    specPath: '/rest/api/3/issue',
    status: 201,
    request: (s) =>
      call(s, '/rest/api/3/issue', {
        body: {
          fields: {
            project: { key: 'OWL' },
            issuetype: { id: '10001' },
            summary: 'Contract',
            description: adf,
          },
        },
      }),
  },
  {
    spec: 'cloud',
    method: 'post',
    specPath: '/rest/api/3/issue',
    status: 400,
    request: (s) => call(s, '/rest/api/3/issue', { body: { fields: { project: { key: 'OWL' } } } }),
  },
  {
    spec: 'cloud',
    method: 'post',
    specPath: '/rest/api/3/issue',
    status: 401,
    request: (s) =>
      call(s, '/rest/api/3/issue', { auth: null, body: { fields: { summary: 'Anonymous' } } }),
  },
];

const DC: readonly ContractCase[] = [
  {
    spec: 'datacenter',
    method: 'get',
    specPath: '/api/2/serverInfo',
    status: 200,
    request: (s) => call(s, '/rest/api/2/serverInfo'),
  },
  {
    spec: 'datacenter',
    method: 'get',
    specPath: '/api/2/myself',
    status: 200,
    request: (s) => call(s, '/rest/api/2/myself'),
  },
  {
    spec: 'datacenter',
    method: 'get',
    specPath: '/api/2/mypermissions',
    status: 200,
    request: (s) => call(s, '/rest/api/2/mypermissions'),
  },
  {
    spec: 'datacenter',
    method: 'get',
    specPath: '/api/2/project',
    status: 200,
    each: true,
    request: (s) => call(s, '/rest/api/2/project'),
  },
  {
    spec: 'datacenter',
    method: 'get',
    specPath: '/api/2/project/{projectIdOrKey}',
    status: 200,
    request: (s) => call(s, '/rest/api/2/project/OWL'),
  },
  {
    spec: 'datacenter',
    method: 'get',
    specPath: '/api/2/issuetype',
    status: 200,
    each: true,
    request: (s) => call(s, '/rest/api/2/issuetype'),
  },
  {
    spec: 'datacenter',
    method: 'get',
    specPath: '/api/2/status',
    status: 200,
    each: true,
    request: (s) => call(s, '/rest/api/2/status'),
  },
  {
    spec: 'datacenter',
    method: 'get',
    specPath: '/api/2/priority',
    status: 200,
    each: true,
    request: (s) => call(s, '/rest/api/2/priority'),
  },
  {
    spec: 'datacenter',
    method: 'get',
    specPath: '/api/2/field',
    status: 200,
    each: true,
    request: (s) => call(s, '/rest/api/2/field'),
  },
  {
    spec: 'datacenter',
    method: 'get',
    specPath: '/api/2/issue/{issueIdOrKey}',
    status: 200,
    defect: DC_FIELDS_DEFECT,
    request: (s) => call(s, '/rest/api/2/issue/OWL-2'),
  },
  {
    spec: 'datacenter',
    method: 'get',
    specPath: '/api/2/issue/{issueIdOrKey}/comment',
    status: 200,
    request: (s) => call(s, '/rest/api/2/issue/OWL-3/comment'),
  },
  {
    spec: 'datacenter',
    method: 'post',
    specPath: '/api/2/issue/{issueIdOrKey}/comment',
    status: 201,
    request: (s) =>
      call(s, '/rest/api/2/issue/OWL-3/comment', { body: { body: 'Contract *test*' } }),
  },
  {
    spec: 'datacenter',
    method: 'get',
    specPath: '/api/2/issue/{issueIdOrKey}/transitions',
    status: 200,
    request: (s) => call(s, '/rest/api/2/issue/OWL-3/transitions'),
  },
  {
    spec: 'datacenter',
    method: 'get',
    specPath: '/api/2/search',
    status: 200,
    defect: DC_FIELDS_DEFECT,
    request: (s) => call(s, '/rest/api/2/search?jql=project%3DOWL&maxResults=5'),
  },
  {
    spec: 'datacenter',
    method: 'post',
    specPath: '/api/2/search',
    status: 200,
    defect: DC_FIELDS_DEFECT,
    request: (s) =>
      call(s, '/rest/api/2/search', {
        body: { jql: 'project = OWL', fields: ['*all'], maxResults: 5 },
      }),
  },
  {
    spec: 'datacenter',
    method: 'post',
    specPath: '/api/2/issue',
    status: 201,
    request: (s) =>
      call(s, '/rest/api/2/issue', {
        body: {
          fields: {
            project: { key: 'OWL' },
            issuetype: { name: 'Bug' },
            summary: 'Contract',
            description: 'h3. Wiki',
          },
        },
      }),
  },
];

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
    [...CLOUD, ...DC].map(
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
      [...CLOUD, ...DC].map((c) => `${c.spec} ${c.method} ${c.specPath} ${c.status}`),
    );
    expect(pairs.size).toBe(40);
  });
});
