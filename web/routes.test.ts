import { describe, expect, it } from 'vitest';
import { issueHref, issuesHref, matchRoute, projectsHref } from './routes.ts';

describe('mirror routes', () => {
  it('matches the issue list, an issue and the projects of an integration', () => {
    expect(matchRoute(issuesHref('int 1'))).toEqual({ page: 'issues', id: 'int 1' });
    expect(matchRoute(issueHref('int 1', 'OWL-7'))).toEqual({
      page: 'issue',
      id: 'int 1',
      key: 'OWL-7',
    });
    expect(matchRoute(projectsHref('int 1'))).toEqual({ page: 'projects', id: 'int 1' });
    expect(matchRoute('/issues')).toEqual({ page: 'issues-home' });
  });

  it('answers not-found for malformed escapes and unknown sub-paths instead of throwing', () => {
    expect(matchRoute('/integrations/abc/issues/%E0%A4%A')).toEqual({ page: 'not-found' });
    expect(matchRoute('/integrations/abc/projects/OWL')).toEqual({ page: 'not-found' });
  });
});
