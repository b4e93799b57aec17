import { z } from 'zod';

/** One workflow transition available on an issue. */
export const TransitionSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  to: z
    .looseObject({
      id: z.string(),
      name: z.string(),
      statusCategory: z.looseObject({ key: z.string() }).optional(),
    })
    .optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
});

/** A parsed transition. */
export type JiraTransition = z.infer<typeof TransitionSchema>;

/** `GET /issue/{key}/transitions`. */
export const TransitionListSchema = z.looseObject({ transitions: z.array(TransitionSchema) });
