import { call } from '../test-client.ts';
import { STRICT_TYPE_ID } from '../domain/create-screens.ts';
import { DC_CREATEMETA_PAGE_DEFECT, DC_FIELDS_DEFECT, type ContractCase } from './contract-case.ts';

/** Data Center 10.3 endpoints (paths relative to /rest, as the DC document names them). */
export const DC_CASES: readonly ContractCase[] = [
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
  {
    spec: 'datacenter',
    method: 'get',
    specPath: '/api/2/issue/createmeta/{projectIdOrKey}/issuetypes',
    status: 200,
    each: true,
    defect: DC_CREATEMETA_PAGE_DEFECT,
    request: (s) => call(s, '/rest/api/2/issue/createmeta/OWL/issuetypes'),
  },
  {
    spec: 'datacenter',
    method: 'get',
    specPath: '/api/2/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}',
    status: 200,
    each: true,
    defect: DC_CREATEMETA_PAGE_DEFECT,
    request: (s) => call(s, `/rest/api/2/issue/createmeta/OWL/issuetypes/${STRICT_TYPE_ID}`),
  },
];
