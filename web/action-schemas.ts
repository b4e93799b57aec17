/** Parsers of the action and audit API answers (the shapes are src/shared/actions.ts and audit.ts). */
import { z } from 'zod';
import type {
  CreateField,
  CreateIssueType,
  FormFieldType,
  IssueTransition,
} from '../src/shared/actions.ts';
import type { AuditEntryView } from '../src/shared/audit.ts';
import { MirrorIssueDetailSchema } from './mirror-schemas.ts';

const FORM_FIELD_TYPES = [
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
] as const satisfies readonly FormFieldType[];

/** `GET …/projects/:key/create-meta`. */
export const IssueTypeListSchema: z.ZodType<{ items: CreateIssueType[] }> = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      subtask: z.boolean(),
      description: z.string().nullable(),
    }),
  ),
});

/** `GET …/projects/:key/create-meta/:issueTypeId`. */
export const CreateFieldListSchema: z.ZodType<{ items: CreateField[] }> = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      required: z.boolean(),
      type: z.enum(FORM_FIELD_TYPES),
      allowedValues: z.array(z.object({ id: z.string(), label: z.string() })).nullable(),
      hasDefaultValue: z.boolean(),
      jiraType: z.string().nullable(),
    }),
  ),
});

/** `GET …/issues/:key/transitions`. */
export const TransitionListSchema: z.ZodType<{ items: IssueTransition[] }> = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      toStatus: z.string().nullable(),
      toStatusCategory: z.string().nullable(),
    }),
  ),
});

/** `POST …/issues/:key/comments`. */
export const AddedCommentSchema = z.object({
  commentId: z.string(),
  issue: MirrorIssueDetailSchema,
});

const ActorSchema = z.union([
  z.object({
    type: z.enum(['user', 'api_key', 'rule']),
    id: z.string(),
    label: z.string().nullable(),
  }),
  z.object({ type: z.literal('system'), id: z.null(), label: z.string().nullable() }),
]);

/** `GET /api/audit`. */
export const AuditPageSchema: z.ZodType<{ items: AuditEntryView[]; nextCursor: string | null }> =
  z.object({
    items: z.array(
      z.object({
        id: z.string(),
        at: z.string(),
        actor: ActorSchema,
        integrationId: z.string().nullable(),
        action: z.string(),
        target: z.string().nullable(),
        summary: z.record(z.string(), z.unknown()),
        outcome: z.enum(['ok', 'error']),
        errorCode: z.string().nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
  });
