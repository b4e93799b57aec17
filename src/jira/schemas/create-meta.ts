import { z } from 'zod';

/** An issue type offered by createmeta. */
export const CreateMetaIssueTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  subtask: z.boolean().optional(),
  description: z.string().optional(),
});

/** An issue type one may create in a project. */
export type CreateMetaIssueType = z.infer<typeof CreateMetaIssueTypeSchema>;

/** A field of a create screen: what it is, whether it is required, the values it accepts. */
export const CreateMetaFieldSchema = z.looseObject({
  fieldId: z.string(),
  name: z.string(),
  required: z.boolean(),
  schema: z
    .looseObject({
      type: z.string(),
      items: z.string().optional(),
      custom: z.string().optional(),
      system: z.string().optional(),
    })
    .optional(),
  allowedValues: z.array(z.unknown()).optional(),
  hasDefaultValue: z.boolean().optional(),
  autoCompleteUrl: z.string().optional(),
});

/** A create-screen field. */
export type CreateMetaField = z.infer<typeof CreateMetaFieldSchema>;

const Envelope = z.looseObject({
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number(),
  isLast: z.boolean().optional(),
});

/** `GET issue/createmeta/{project}/issuetypes`: `issueTypes` on Cloud, `values` on Data Center. */
export const CreateMetaIssueTypePageSchema = Envelope.extend({
  issueTypes: z.array(CreateMetaIssueTypeSchema).optional(),
  values: z.array(CreateMetaIssueTypeSchema).optional(),
}).transform(({ issueTypes, values, ...page }) => ({ ...page, items: values ?? issueTypes ?? [] }));

/** `GET issue/createmeta/{project}/issuetypes/{issueTypeId}`: `fields` on Cloud, `values` on Data Center. */
export const CreateMetaFieldPageSchema = Envelope.extend({
  fields: z.array(CreateMetaFieldSchema).optional(),
  values: z.array(CreateMetaFieldSchema).optional(),
}).transform(({ fields, values, ...page }) => ({ ...page, items: values ?? fields ?? [] }));

/** A page of createmeta items, read from either deployment's envelope into `items`. */
export type CreateMetaPage<T> = z.infer<typeof Envelope> & { items: T[] };
