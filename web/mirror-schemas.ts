/** Parsers for the mirror's API answers, each typed against the shared contract. */
import { z } from 'zod';
import type {
  MirrorField,
  MirrorIssue,
  MirrorIssueDetail,
  MirrorProject,
  MirrorSeenUser,
  MirrorStatus,
  Page,
} from '../src/shared/mirror.ts';

const Json = z.record(z.string(), z.unknown());
const UserRef = z.object({ id: z.string(), displayName: z.string().nullable() }).nullable();

const issueShape = {
  id: z.string(),
  key: z.string(),
  projectKey: z.string(),
  summary: z.string(),
  status: z.string().nullable(),
  statusCategory: z.string().nullable(),
  issueType: z.string().nullable(),
  priority: z.string().nullable(),
  assignee: UserRef,
  reporter: UserRef,
  labels: z.array(z.string()),
  created: z.string(),
  updated: z.string(),
  fields: Json,
};

/** One mirrored issue. */
export const MirrorIssueSchema: z.ZodType<MirrorIssue> = z.object(issueShape);

/** GET /api/integrations/:id/issues. */
export const IssuePageSchema: z.ZodType<Page<MirrorIssue>> = z.object({
  items: z.array(MirrorIssueSchema),
  nextCursor: z.string().nullable(),
});

/** GET /api/integrations/:id/issues/:key. */
export const MirrorIssueDetailSchema: z.ZodType<MirrorIssueDetail> = z.object({
  ...issueShape,
  comments: z.array(Json),
});

/** GET /api/integrations/:id/projects. */
export const ProjectListSchema: z.ZodType<{ items: MirrorProject[] }> = z.object({
  items: z.array(
    z.object({ id: z.string(), key: z.string().nullable(), name: z.string(), data: Json }),
  ),
});

/** GET /api/integrations/:id/statuses. */
export const StatusListSchema: z.ZodType<{ items: MirrorStatus[] }> = z.object({
  items: z.array(
    z.object({ id: z.string(), name: z.string(), categoryKey: z.string().nullable() }),
  ),
});

/** GET /api/integrations/:id/fields. */
export const FieldListSchema: z.ZodType<{ items: MirrorField[] }> = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), custom: z.boolean() })),
});

/** GET /api/integrations/:id/users. */
export const SeenUserListSchema: z.ZodType<{ items: MirrorSeenUser[] }> = z.object({
  items: z.array(z.object({ id: z.string(), displayName: z.string().nullable() })),
});
