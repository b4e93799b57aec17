import { STRICT_TYPE_ID } from '../domain/create-screens.ts';
import { call } from '../test-client.ts';
import { withoutKey, ADF, type ContractCase } from './contract-case.ts';

/** Cloud platform v3 endpoints the sandbox serves, with the status each case provokes. */
export const CLOUD_CASES: readonly ContractCase[] = [
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
    request: (s) => call(s, '/rest/api/3/issue/OWL-3/comment', { body: { body: ADF } }),
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
            description: ADF,
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
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes',
    status: 200,
    request: (s) => call(s, '/rest/api/3/issue/createmeta/OWL/issuetypes'),
  },
  {
    spec: 'cloud',
    method: 'get',
    specPath: '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}',
    status: 200,
    request: (s) => call(s, `/rest/api/3/issue/createmeta/OWL/issuetypes/${STRICT_TYPE_ID}`),
  },
  {
    spec: 'cloud',
    method: 'put',
    specPath: '/rest/api/3/issue/{issueIdOrKey}/assignee',
    status: 204,
    request: (s) =>
      call(s, '/rest/api/3/issue/OWL-2/assignee', { method: 'PUT', body: { accountId: null } }),
  },
];
