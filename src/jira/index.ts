/** The Jira REST client: HTTP and Jira JSON only, never our database. */
export type { JiraAuth } from './auth.ts';
export { parseJiraBaseUrl, restUrl, type BaseUrlError, type Query } from './base-url.ts';
export { createJiraClient, type JiraClient, type JiraClientOptions } from './client.ts';
export type { CatalogEndpoints } from './endpoints/catalog.ts';
export type { IdentityEndpoints } from './endpoints/identity.ts';
export type { CreateMetaEndpoints } from './endpoints/create-meta.ts';
export {
  commentBody,
  type AssigneeRef,
  type IssueEndpoints,
  type TransitionRequest,
} from './endpoints/issues.ts';
export {
  BULK_FETCH_LIMIT,
  type LegacySearchRequest,
  type SearchEndpoints,
  type SearchJqlRequest,
} from './endpoints/search.ts';
export type { WebhookEndpoints, WebhookRequest } from './endpoints/webhooks.ts';
export { jiraErrorCode } from './error-code.ts';
export type { JiraError, JiraMessages, JiraResult, NotJiraReason, ResponseMeta } from './errors.ts';
export { parseBody, type UnparsedBody } from './response.ts';
export {
  paginateComments,
  paginateLegacySearch,
  paginateProjects,
  paginateSearchJql,
  type PageResult,
} from './paging.ts';
export {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  SYSTEM_CLOCK,
  type RetryClock,
  type RetryPolicy,
} from './retry.ts';
export type { CommentPage, JiraComment } from './schemas/comment.ts';
export type { CreateMetaField, CreateMetaIssueType } from './schemas/create-meta.ts';
export {
  readIssueCore,
  type CreatedIssue,
  type IssueCoreFields,
  type JiraIssue,
} from './schemas/issue.ts';
export type { JiraField, JiraIssueType, JiraPriority, JiraStatus } from './schemas/metadata.ts';
export {
  grantedPermissions,
  OWLHUB_PERMISSIONS,
  type MyPermissions,
} from './schemas/permissions.ts';
export type { JiraProject, ProjectPage } from './schemas/project.ts';
export {
  BulkFetchSchema,
  type BulkFetchResult,
  type LegacySearchPage,
  type SearchHit,
  type SearchJqlPage,
} from './schemas/search.ts';
export { detectDeployment, type Deployment, type ServerInfo } from './schemas/server-info.ts';
export type { JiraTransition } from './schemas/transition.ts';
export type { JiraUser, Myself } from './schemas/user.ts';
export { webhookIdOf, type JiraWebhook } from './schemas/webhook.ts';
