/** Where an issue lives in Jira itself. */

/** `<siteUrl>/browse/<KEY>`, keeping a context path such as `https://host/jira`. */
export function jiraIssueUrl(siteUrl: string, key: string): string {
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  return new URL(`browse/${encodeURIComponent(key)}`, base).toString();
}
