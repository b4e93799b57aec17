import { describe, expect, it } from 'vitest';
import type { IssueRow } from '../storage/mirror-schema.ts';
import { issueRowToIssue } from './views.ts';

const row: IssueRow = {
  integration_id: 'i1',
  jira_id: '10001',
  id_num: 10001,
  key: 'OWL-1',
  project_key: 'OWL',
  summary: 'Fix the nest',
  status: 'To Do',
  status_category: 'new',
  issue_type: 'Bug',
  priority: null,
  assignee_id: null,
  assignee_name: null,
  reporter_id: null,
  reporter_name: null,
  labels_json: '["nest"]',
  created: '2026-01-01T00:00:00.000Z',
  updated: '2026-01-02T00:00:00.000Z',
  fields_json: JSON.stringify({ summary: 'Fix the nest', customfield_10010: 3 }),
  synced_at: '2026-01-03T00:00:00.000Z',
};

describe('issueRowToIssue', () => {
  it('serves the stored fields', () => {
    expect(issueRowToIssue(row).fields).toEqual({ summary: 'Fix the nest', customfield_10010: 3 });
  });

  it('leaves out the first page of comments a mirror synced by an earlier version still holds', () => {
    const older = {
      ...row,
      fields_json: JSON.stringify({
        summary: 'Fix the nest',
        comment: { comments: [{ id: '1' }], total: 1 },
      }),
    };
    expect(issueRowToIssue(older).fields).toEqual({ summary: 'Fix the nest' });
  });
});
