import type { Sandbox } from '../index.ts';
import type { TestResponse } from '../test-client.ts';
import type { SpecName } from './spec-validator.ts';

/** One response checked against the schema the OpenAPI document gives for its path, method and status. */
export interface ContractCase {
  readonly spec: SpecName;
  readonly method: 'get' | 'post' | 'put';
  /** The path as the OpenAPI document names it. */
  readonly specPath: string;
  readonly status: number;
  /** Jira answers an array where the document (wrongly) declares one object: validate each element. */
  readonly each?: boolean;
  /** Works around a defect of the document (the reason says which), keeping the rest of the body checked. */
  readonly defect?: { readonly reason: string; readonly adjust: (body: unknown) => unknown };
  readonly request: (sandbox: Sandbox) => Promise<TestResponse>;
}

/** Works around a spec defect by dropping one top-level property. */
export function withoutKey(key: string) {
  return (body: unknown): unknown => {
    if (typeof body !== 'object' || body === null) return body;
    return Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
  };
}

// Keeps only the object-valued fields of an issue, which the DC document can describe.
function objectFieldsOnly(issue: unknown): unknown {
  if (
    typeof issue !== 'object' ||
    issue === null ||
    !('fields' in issue) ||
    typeof issue.fields !== 'object' ||
    issue.fields === null
  )
    return issue;
  const fields = Object.fromEntries(
    Object.entries(issue.fields).filter(
      ([, v]) => typeof v === 'object' && v !== null && !Array.isArray(v),
    ),
  );
  return { ...issue, fields };
}

/** The DC document types every field value as an object. */
export const DC_FIELDS_DEFECT = {
  reason:
    'the DC document types every IssueBean.fields value as an object; strings, numbers, arrays and nulls are checked by the behaviour tests',
  adjust: (body: unknown): unknown => {
    if (typeof body === 'object' && body !== null && 'issues' in body && Array.isArray(body.issues))
      return { ...body, issues: body.issues.map(objectFieldsOnly) };
    return objectFieldsOnly(body);
  },
};

/** A small ADF document for requests. */
export const ADF = {
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Contract' }] }],
};

/** The DC document types the createmeta pages as one bean; Data Center answers `{startAt, maxResults, total, isLast, values}`. */
export const DC_CREATEMETA_PAGE_DEFECT = {
  reason:
    'the DC document types the createmeta page as the bean it lists; each element of `values` is checked instead',
  adjust: (body: unknown): unknown =>
    typeof body === 'object' && body !== null && 'values' in body ? body.values : body,
};
