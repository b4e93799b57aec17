import { z } from 'zod';

/** `GET /issuetype` entries. */
export const IssueTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  subtask: z.boolean().optional(),
  hierarchyLevel: z.number().optional(),
});

/** `GET /status` entries, with the category sync normalises to. */
export const StatusSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  statusCategory: z
    .looseObject({ id: z.number().optional(), key: z.string(), name: z.string().optional() })
    .optional(),
});

/** `GET /priority` entries. */
export const PrioritySchema = z.looseObject({ id: z.string(), name: z.string() });

/** `GET /field` entries, custom fields included. */
export const FieldSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z.looseObject({ type: z.string() }).optional(),
});

/** A parsed issue type. */
export type JiraIssueType = z.infer<typeof IssueTypeSchema>;
/** A parsed status. */
export type JiraStatus = z.infer<typeof StatusSchema>;
/** A parsed priority. */
export type JiraPriority = z.infer<typeof PrioritySchema>;
/** A parsed field definition. */
export type JiraField = z.infer<typeof FieldSchema>;
