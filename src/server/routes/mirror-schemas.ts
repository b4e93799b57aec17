import { z } from '@hono/zod-openapi';
import { SyncErrorSchema, SyncRunViewSchema } from '../../shared/sync-run-schemas.ts';

const UserRefSchema = z.object({ id: z.string(), displayName: z.string().nullable() }).nullable();
const Json = z.record(z.string(), z.unknown());

/** A mirrored issue (PRODUCT.md §6). */
export const MirrorIssueSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    projectKey: z.string(),
    summary: z.string(),
    status: z.string().nullable(),
    statusCategory: z.string().nullable(),
    issueType: z.string().nullable(),
    priority: z.string().nullable(),
    assignee: UserRefSchema,
    reporter: UserRefSchema,
    labels: z.array(z.string()),
    created: z.string(),
    updated: z.string(),
    fields: Json.openapi({
      description:
        'Every field as Jira sent it, except `comment`: Jira embeds only the first comments, and the issue detail lists all of them as `comments`.',
    }),
  })
  .openapi('MirrorIssue');

/** An issue with every comment as Jira sent it. */
export const MirrorIssueDetailSchema = MirrorIssueSchema.extend({
  comments: z.array(Json),
}).openapi('MirrorIssueDetail');

/** A mirrored project. */
export const MirrorProjectSchema = z
  .object({ id: z.string(), key: z.string().nullable(), name: z.string(), data: Json })
  .openapi('MirrorProject');

/** A mirrored status with its category key. */
export const MirrorStatusSchema = z
  .object({ id: z.string(), name: z.string(), categoryKey: z.string().nullable() })
  .openapi('MirrorStatus');

/** A mirrored field definition. */
export const MirrorFieldSchema = z
  .object({ id: z.string(), name: z.string(), custom: z.boolean() })
  .openapi('MirrorField');

/** A Jira user the mirror has seen. */
export const MirrorSeenUserSchema = z
  .object({ id: z.string(), displayName: z.string().nullable() })
  .openapi('MirrorSeenUser');

/**
 * A sync run with its progress: the shared shape rebuilt with this module's `z`, so that
 * `.openapi()` exists whatever loaded first (as in ../integration-schemas.ts); `error` as plain
 * optional, which the OpenAPI generator leaves out of `required` (it lists exact optionals).
 */
export const SyncRunSchema = z
  .object({ ...SyncRunViewSchema.shape, error: SyncErrorSchema.optional() })
  .openapi('SyncRun');

/** Query of the issue list. */
export const IssueQuerySchema = z.object({
  project: z.string().max(255).optional(),
  status: z.string().max(255).optional(),
  assignee: z.string().max(255).optional(),
  updatedSince: z.iso.datetime({ offset: true }).optional(),
  q: z
    .string()
    .max(500)
    .optional()
    .openapi({
      description:
        'Full-text search over the key, summary, description (ADF or wiki markup as plain text), ' +
        'labels and comments. Every word must match the start of a word of the issue ' +
        '("auth" finds "authentication"), ignoring case and accents; words are split on ' +
        'anything but letters and digits, and quotes, operators and wildcards are plain text. ' +
        'Combines with the other filters and the cursor; the order stays most recently updated first.',
      example: 'login firefox',
    }),
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
