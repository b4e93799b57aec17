import type { z } from 'zod';
import type { JiraResult } from '../errors.ts';
import {
  CreateMetaFieldPageSchema,
  CreateMetaIssueTypePageSchema,
  type CreateMetaField,
  type CreateMetaIssueType,
  type CreateMetaPage,
} from '../schemas/create-meta.ts';
import type { Transport } from '../transport.ts';

/** Jira Cloud's largest createmeta page. */
const PAGE_SIZE = 200;

/** What creating an issue needs to know: the issue types of a project and the fields of each. */
export interface CreateMetaEndpoints {
  /** `GET issue/createmeta/{project}/issuetypes`, every page. */
  createMetaIssueTypes(projectIdOrKey: string): Promise<JiraResult<CreateMetaIssueType[]>>;
  /** `GET issue/createmeta/{project}/issuetypes/{issueTypeId}`, every page. */
  createMetaFields(
    projectIdOrKey: string,
    issueTypeId: string,
  ): Promise<JiraResult<CreateMetaField[]>>;
}

/**
 * Reads every page: startAt advances by the items received, since a server may cap
 * `maxResults` silently; a short or empty page, `isLast` or reaching `total` ends it.
 */
async function allPages<T>(
  transport: Transport,
  segments: string[],
  schema: z.ZodType<CreateMetaPage<T>>,
): Promise<JiraResult<T[]>> {
  const items: T[] = [];
  for (;;) {
    const page = await transport.json(
      {
        method: 'GET',
        segments,
        query: { startAt: items.length, maxResults: PAGE_SIZE },
        idempotent: true,
      },
      schema,
    );
    if (!page.ok) return page;
    items.push(...page.value.items);
    const done =
      page.value.items.length === 0 ||
      page.value.isLast === true ||
      items.length >= page.value.total;
    if (done) return { ok: true, value: items, meta: page.meta };
  }
}

/** Binds the createmeta endpoints to a transport. */
export function createMetaEndpoints(transport: Transport): CreateMetaEndpoints {
  return {
    createMetaIssueTypes: (project) =>
      allPages(
        transport,
        ['issue', 'createmeta', project, 'issuetypes'],
        CreateMetaIssueTypePageSchema,
      ),
    createMetaFields: (project, issueTypeId) =>
      allPages(
        transport,
        ['issue', 'createmeta', project, 'issuetypes', issueTypeId],
        CreateMetaFieldPageSchema,
      ),
  };
}
