/** The issue list's filters and page position, kept in the query string so a view can be shared. */

/** What the list shows: filters, and the cursors of the pages before the current one. */
export interface IssueListView {
  project: string;
  status: string;
  assignee: string;
  q: string;
  /** Cursors that led here, oldest first; the last one starts the current page. */
  cursors: string[];
}

/** The filters of a view, without its page position. */
export type IssueFilters = Omit<IssueListView, 'cursors'>;

/** The view that a query string describes; missing parameters are empty. */
export function readIssueListView(params: URLSearchParams): IssueListView {
  const cursors = params.get('pages');
  return {
    project: params.get('project') ?? '',
    status: params.get('status') ?? '',
    assignee: params.get('assignee') ?? '',
    q: params.get('q') ?? '',
    // Cursors are base64url, so a comma never occurs inside one.
    cursors: cursors === null || cursors === '' ? [] : cursors.split(','),
  };
}

/** The query string of a view (with `?`, or empty), leaving out what is empty. */
export function writeIssueListView(view: IssueListView): string {
  const params = new URLSearchParams();
  for (const name of ['project', 'status', 'assignee', 'q'] as const) {
    const value = view[name].trim();
    if (value !== '') params.set(name, value);
  }
  if (view.cursors.length > 0) params.set('pages', view.cursors.join(','));
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** The API query for a view's current page. */
export function issueApiQuery(view: IssueListView, limit: number): URLSearchParams {
  const params = new URLSearchParams({ limit: String(limit) });
  for (const name of ['project', 'status', 'assignee', 'q'] as const) {
    const value = view[name].trim();
    if (value !== '') params.set(name, value);
  }
  const cursor = view.cursors[view.cursors.length - 1];
  if (cursor !== undefined) params.set('cursor', cursor);
  return params;
}
