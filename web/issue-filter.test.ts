import { describe, expect, it } from 'vitest';
import { issueApiQuery, readIssueListView, writeIssueListView } from './issue-filter.ts';

describe('the issue list view in the query string', () => {
  it('round-trips filters and the cursor stack, leaving out what is empty', () => {
    const view = {
      project: 'PAY',
      status: 'In Review',
      assignee: '',
      q: 'checkout timeout',
      cursors: ['eyJ1IjoxfQ', 'eyJ1IjoyfQ'],
    };
    const query = writeIssueListView(view);
    expect(query).toBe(
      '?project=PAY&status=In+Review&q=checkout+timeout&pages=eyJ1IjoxfQ%2CeyJ1IjoyfQ',
    );
    expect(readIssueListView(new URLSearchParams(query))).toEqual(view);
    expect(writeIssueListView({ project: '', status: '', assignee: ' ', q: '', cursors: [] })).toBe(
      '',
    );
  });

  it('asks the API for the current page: the last cursor, the filters and the page size', () => {
    const view = readIssueListView(new URLSearchParams('?assignee=abc&pages=one,two'));
    expect(Object.fromEntries(issueApiQuery(view, 25))).toEqual({
      limit: '25',
      assignee: 'abc',
      cursor: 'two',
    });
  });
});
