import type { JiraClient } from '../jira/index.ts';
import type { SiteBudget } from './site-budget.ts';

/** The client with every call the sync makes going through the site's budget. */
export function budgetedClient(client: JiraClient, budget: SiteBudget): JiraClient {
  return {
    ...client,
    myself: () => budget.run(() => client.myself()),
    searchJql: (request) => budget.run(() => client.searchJql(request)),
    searchLegacy: (request) => budget.run(() => client.searchLegacy(request)),
    bulkFetch: (ids, fields) => budget.run(() => client.bulkFetch(ids, fields)),
    bulkFetchUnparsed: (ids, fields) => budget.run(() => client.bulkFetchUnparsed(ids, fields)),
    approximateCount: (jql) => budget.run(() => client.approximateCount(jql)),
    getComments: (idOrKey, page) => budget.run(() => client.getComments(idOrKey, page)),
    searchProjects: (page) => budget.run(() => client.searchProjects(page)),
    listProjects: () => budget.run(() => client.listProjects()),
    issueTypes: () => budget.run(() => client.issueTypes()),
    statuses: () => budget.run(() => client.statuses()),
    priorities: () => budget.run(() => client.priorities()),
    fields: () => budget.run(() => client.fields()),
  };
}
