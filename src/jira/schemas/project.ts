import { z } from 'zod';

/** A project as listed; more fields come through untouched. */
export const ProjectSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  projectTypeKey: z.string().optional(),
  simplified: z.boolean().optional(),
});

/** A parsed project. */
export type JiraProject = z.infer<typeof ProjectSchema>;

/** Cloud `GET /project/search`: a page of projects. */
export const ProjectPageSchema = z.looseObject({
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number().optional(),
  isLast: z.boolean().optional(),
  values: z.array(ProjectSchema),
});

/** A parsed page of projects. */
export type ProjectPage = z.infer<typeof ProjectPageSchema>;

/** Server/DC `GET /project`: every visible project as a bare array, no paging. */
export const ProjectListSchema = z.array(ProjectSchema);
