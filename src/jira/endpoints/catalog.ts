import { z } from 'zod';
import type { JiraResult } from '../errors.ts';
import {
  FieldSchema,
  IssueTypeSchema,
  PrioritySchema,
  StatusSchema,
  type JiraField,
  type JiraIssueType,
  type JiraPriority,
  type JiraStatus,
} from '../schemas/metadata.ts';
import {
  ProjectListSchema,
  ProjectPageSchema,
  type JiraProject,
  type ProjectPage,
} from '../schemas/project.ts';
import type { Transport } from '../transport.ts';

/** Projects and the metadata every issue refers to. */
export interface CatalogEndpoints {
  /** Cloud `GET project/search`: one page of projects. */
  searchProjects(page?: {
    startAt?: number;
    maxResults?: number;
  }): Promise<JiraResult<ProjectPage>>;
  /** Server/DC `GET project`: every visible project at once (a bare array). */
  listProjects(): Promise<JiraResult<JiraProject[]>>;
  /** `GET issuetype`. */
  issueTypes(): Promise<JiraResult<JiraIssueType[]>>;
  /** `GET status`. */
  statuses(): Promise<JiraResult<JiraStatus[]>>;
  /** `GET priority` (deprecated on Cloud in favour of paged `priority/search`, still served). */
  priorities(): Promise<JiraResult<JiraPriority[]>>;
  /** `GET field`: system and custom fields. */
  fields(): Promise<JiraResult<JiraField[]>>;
}

/** Binds the catalog endpoints to a transport. */
export function catalogEndpoints(transport: Transport): CatalogEndpoints {
  const list = <T>(segment: string, schema: z.ZodType<T>) =>
    transport.json({ method: 'GET', segments: [segment], idempotent: true }, z.array(schema));
  return {
    searchProjects: (page = {}) =>
      transport.json(
        {
          method: 'GET',
          segments: ['project', 'search'],
          query: { startAt: page.startAt, maxResults: page.maxResults },
          idempotent: true,
        },
        ProjectPageSchema,
      ),
    listProjects: () =>
      transport.json({ method: 'GET', segments: ['project'], idempotent: true }, ProjectListSchema),
    issueTypes: () => list('issuetype', IssueTypeSchema),
    statuses: () => list('status', StatusSchema),
    priorities: () => list('priority', PrioritySchema),
    fields: () => list('field', FieldSchema),
  };
}
