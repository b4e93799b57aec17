import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readFixture } from '../testing/fixtures.ts';
import { CommentPageSchema, CommentSchema } from './comment.ts';
import { CreatedIssueSchema, IssueSchema, readIssueCore } from './issue.ts';
import { FieldSchema, StatusSchema } from './metadata.ts';
import { grantedPermissions, MyPermissionsSchema } from './permissions.ts';
import { ProjectListSchema, ProjectPageSchema, ProjectSchema } from './project.ts';
import { BulkFetchSchema, LegacySearchPageSchema, SearchJqlPageSchema } from './search.ts';
import { detectDeployment, ServerInfoSchema } from './server-info.ts';
import { TransitionListSchema } from './transition.ts';
import { MyselfSchema } from './user.ts';

const spec = (name: string) => readFixture(`spec-examples/${name}`);

describe('schemas accept real and documented Jira answers', () => {
  it('serverInfo: Cloud is cloud; DC 9.12 and 10.3 report Server and are datacenter', () => {
    const cases: Array<[string, string]> = [
      ['cloud_serverInfo.json', 'cloud'],
      ['dc_serverInfo_slac_10.3.19.json', 'datacenter'],
      ['dc_serverInfo_redhat_9.12.15.json', 'datacenter'],
      ['spec-examples/GET_serverInfo.200.json', 'cloud'],
    ];
    for (const [name, deployment] of cases) {
      expect(detectDeployment(ServerInfoSchema.parse(readFixture(name)))).toBe(deployment);
    }
    expect(
      detectDeployment(
        ServerInfoSchema.parse({
          baseUrl: 'x',
          version: '8',
          versionNumbers: [8],
          buildNumber: 1,
          deploymentType: 'DataCenter',
        }),
      ),
    ).toBe('datacenter');
  });

  it('myself: Cloud has accountId; a DC user has name/key; neither is refused', () => {
    expect(MyselfSchema.parse(spec('GET_myself.200.json')).accountId).toBe(
      '5b10a2844c20165700ede21g',
    );
    expect(
      MyselfSchema.parse({ name: 'jdoe', key: 'JIRAUSER1', displayName: 'J Doe', active: true })
        .name,
    ).toBe('jdoe');
    expect(MyselfSchema.safeParse({ displayName: 'Nobody', accountId: '', name: '' }).success).toBe(
      false,
    );
  });

  it('mypermissions', () => {
    const parsed = MyPermissionsSchema.parse(spec('GET_mypermissions.200.json'));
    expect(grantedPermissions(parsed, ['EDIT_ISSUES', 'BROWSE_PROJECTS'])).toEqual({
      EDIT_ISSUES: true,
      BROWSE_PROJECTS: false,
    });
  });

  it('projects: Cloud pages and the DC bare array', () => {
    expect(
      ProjectPageSchema.parse(spec('GET_project_search.200.json')).values.length,
    ).toBeGreaterThan(0);
    expect(
      ProjectListSchema.parse(readFixture('server_projects_all_apache.json')).length,
    ).toBeGreaterThan(100);
    expect(ProjectSchema.parse(readFixture('server_project_ABDERA_apache.json')).key).toBe(
      'ABDERA',
    );
  });

  it('statuses and fields', () => {
    expect(z.array(StatusSchema).parse(readFixture('statuses.json'))[0]?.statusCategory?.key).toBe(
      'new',
    );
    expect(
      z
        .array(FieldSchema)
        .parse(spec('GET_field.200.json'))
        .map((f) => f.id),
    ).toContain('summary');
  });

  it('searches and bulk fetch', () => {
    expect(SearchJqlPageSchema.parse(spec('GET_search_jql.200.json')).isLast).toBe(true);
    expect(LegacySearchPageSchema.parse(readFixture('search_v2_startAt_total.json')).total).toBe(
      624,
    );
    expect(
      BulkFetchSchema.parse(spec('POST_issue_bulkfetch.200.json')).issues.length,
    ).toBeGreaterThan(0);
  });

  it('issues keep every field raw and expose the core typed', () => {
    const issue = IssueSchema.parse(readFixture('issue_v2_expanded.json'));
    const core = readIssueCore(issue);
    expect(core.ok && core.value.project?.key).toBeTruthy();
    expect(core.ok && core.value.updated).toBeTruthy();
    const airbyte = z
      .object({ issues: z.array(IssueSchema) })
      .parse(readFixture('cloud_v3_issues_with_customfields_airbyte.json'));
    for (const each of airbyte.issues) {
      expect(readIssueCore(each).ok).toBe(true);
      expect(Object.keys(each.fields).some((key) => key.startsWith('customfield_'))).toBe(true);
    }
    expect(readIssueCore({ id: '1', key: 'A-1', fields: { labels: 'not-an-array' } })).toEqual({
      ok: false,
      path: 'labels',
    });
  });

  it("keeps an issue's fields as sent and refuses a page whose issue lacks an id or a fields object", () => {
    const fields = { summary: 'S', customfield_10001: { nested: [1, 2] } };
    const page = BulkFetchSchema.parse({ issues: [{ id: '1', key: 'A-1', fields }] });
    expect(page.issues[0]?.fields).toBe(fields);
    expect(BulkFetchSchema.parse({ issues: [{ id: '2', key: 'A-2' }] }).issues[0]?.fields).toEqual(
      {},
    );
    for (const bad of [
      { id: '3', key: 'A-3', fields: [] },
      { id: '4', key: 'A-4', fields: 'x' },
      { key: 'A-5', fields: {} },
    ]) {
      expect(BulkFetchSchema.safeParse({ issues: [bad] }).success).toBe(false);
    }
  });

  it('comments, transitions and created issues', () => {
    expect(
      CommentPageSchema.parse(spec('GET_issue_issueIdOrKey_comment.200.json')).comments.length,
    ).toBeGreaterThan(0);
    expect(CommentSchema.parse(spec('POST_issue_issueIdOrKey_comment.201.json')).id).toBeTruthy();
    expect(
      TransitionListSchema.parse(readFixture('transitions_with_fields.json')).transitions.length,
    ).toBeGreaterThan(0);
    expect(
      TransitionListSchema.parse(spec('GET_issue_issueIdOrKey_transitions.200.json')).transitions[0]
        ?.name,
    ).toBe('Close Issue');
    expect(CreatedIssueSchema.parse(spec('POST_issue.201.json')).key).toBe('ED-24');
  });
});
