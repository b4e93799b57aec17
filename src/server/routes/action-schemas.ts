import { z } from '@hono/zod-openapi';
import { IdParamSchema } from '../schemas.ts';
import { MirrorIssueDetailSchema } from './mirror-schemas.ts';

const KeySchema = z.string().min(1).max(255);

/** `/{id}/projects/{projectKey}/create-meta`. */
export const ProjectParamSchema = IdParamSchema.extend({ projectKey: KeySchema });

/** `/{id}/projects/{projectKey}/create-meta/{issueTypeId}`. */
export const IssueTypeParamSchema = ProjectParamSchema.extend({
  issueTypeId: z.string().min(1).max(50),
});

/** `/{id}/issues/{key}/...`. */
export const IssueParamSchema = IdParamSchema.extend({ key: KeySchema });

/** The optional Idempotency-Key header of creates and comments. */
export const IdempotencyHeaderSchema = z.object({
  'idempotency-key': z.string().optional().openapi({
    description:
      'Makes a retry safe: the same key with the same body answers the first answer again (header Idempotent-Replayed: true); with another body, 409.',
  }),
});

/** An issue type one may create. */
export const CreateIssueTypeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    subtask: z.boolean(),
    description: z.string().nullable(),
  })
  .openapi('CreateIssueType');

/** A create-screen field as a form needs it. */
export const CreateFieldSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    required: z.boolean(),
    type: z.enum([
      'string',
      'rich_text',
      'number',
      'date',
      'datetime',
      'option',
      'options',
      'labels',
      'user',
      'users',
      'issue',
      'unsupported',
    ]),
    allowedValues: z.array(z.object({ id: z.string(), label: z.string() })).nullable(),
    hasDefaultValue: z.boolean(),
    jiraType: z.string().nullable(),
  })
  .openapi('CreateField');

/** `POST /{id}/issues`. */
export const CreateIssueBodySchema = z
  .object({
    projectKey: KeySchema,
    issueTypeId: z.string().min(1).max(50),
    fields: z.record(z.string().min(1).max(255), z.unknown()).openapi({
      description:
        'Field id → value: text, numbers, YYYY-MM-DD dates, option ids or labels, lists; or Jira JSON as is.',
    }),
  })
  .openapi('CreateIssue');

/** A transition available now. */
export const TransitionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    toStatus: z.string().nullable(),
    toStatusCategory: z.string().nullable(),
  })
  .openapi('Transition');

/** `POST /{id}/issues/{key}/transitions`. */
export const TransitionBodySchema = z.object({
  transitionId: z.string().min(1).max(50),
  fields: z.record(z.string(), z.unknown()).optional(),
});

/** `POST /{id}/issues/{key}/comments`: plain text. */
export const CommentBodySchema = z.object({
  body: z.string().trim().min(1, 'Write a comment.').max(32_000, 'Use at most 32,000 characters.'),
});

/** A comment added and the issue as mirrored now. */
export const AddedCommentSchema = z
  .object({ commentId: z.string(), issue: MirrorIssueDetailSchema })
  .openapi('AddedComment');

/** `PUT /{id}/issues/{key}/assignee`: an account id (Cloud) or username (Data Center); null unassigns. */
export const AssigneeBodySchema = z
  .object({
    accountId: z.string().min(1).max(255).nullable().optional(),
    name: z.string().min(1).max(255).nullable().optional(),
  })
  .refine((body) => body.accountId !== undefined || body.name !== undefined, {
    message: 'Send "accountId" (Cloud) or "name" (Data Center); null unassigns.',
    path: ['accountId'],
  });
