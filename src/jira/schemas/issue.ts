import { z } from 'zod';
import { UserSchema } from './user.ts';

function isFieldMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An issue as Jira sent it: `id` and `key` typed, `fields` kept raw (every
 * field, custom ones included, in the API version's representation).
 * `fields` is checked to be an object and kept as it came, not copied key by
 * key: a sync reads thousands of issues of dozens of fields each, and reads
 * only the core ones (readIssueCore), which are checked there.
 */
export const IssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  self: z.string().optional(),
  fields: z
    .custom<Record<string, unknown>>(isFieldMap, { message: 'fields is not an object' })
    .default({}),
});

/** A raw issue. */
export type JiraIssue = z.infer<typeof IssueSchema>;

const Named = z.looseObject({ id: z.string().optional(), name: z.string() });

/**
 * The few fields sync normalises into columns; each optional because `fields=` may leave it out.
 * A plain (stripping) object: the other fields are neither visited nor copied.
 */
export const IssueCoreFieldsSchema = z.object({
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
