import { z } from 'zod';
import { UserSchema } from './user.ts';

/**
 * An issue as Jira sent it: `id` and `key` typed, `fields` kept raw (every
 * field, custom ones included, in the API version's representation).
 */
export const IssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  self: z.string().optional(),
  fields: z.record(z.string(), z.unknown()).default({}),
});

/** A raw issue. */
export type JiraIssue = z.infer<typeof IssueSchema>;

const Named = z.looseObject({ id: z.string().optional(), name: z.string() });

/** The few fields sync normalises into columns; each optional because `fields=` may leave it out. */
export const IssueCoreFieldsSchema = z.looseObject({
  summary: z.string().optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
  project: z.looseObject({ id: z.string(), key: z.string() }).optional(),
  status: Named.extend({
    statusCategory: z.looseObject({ key: z.string() }).optional(),
  }).optional(),
  issuetype: Named.optional(),
  priority: Named.nullable().optional(),
  assignee: UserSchema.nullable().optional(),
  reporter: UserSchema.nullable().optional(),
  labels: z.array(z.string()).optional(),
});

/** The typed core of an issue's fields. */
export type IssueCoreFields = z.infer<typeof IssueCoreFieldsSchema>;

/** Reads the core fields of a raw issue; a malformed one is reported with its path, not thrown. */
export function readIssueCore(
  issue: JiraIssue,
): { ok: true; value: IssueCoreFields } | { ok: false; path: string } {
  const parsed = IssueCoreFieldsSchema.safeParse(issue.fields);
  if (parsed.success) {
    return { ok: true, value: parsed.data };
  }
  return { ok: false, path: parsed.error.issues[0]?.path.map(String).join('.') ?? '' };
}

/** `POST /issue` → 201. */
export const CreatedIssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  self: z.string().optional(),
});

/** A created issue's identity. */
export type CreatedIssue = z.infer<typeof CreatedIssueSchema>;
