import type { DocBlock } from '../domain/model.ts';
import { AdfDocSchema, fromAdf, fromWiki } from '../render/doc.ts';

/** Cloud v3's message when rich text is not an ADF document. */
export const NOT_ADF =
  'Operation value must be an Atlassian Document (see the Atlassian Document Format)';

/** Reads rich text as the API version expects it: ADF in v3, wiki markup in v2; null if it is the wrong kind. */
export function readRichText(version: '2' | '3', value: unknown): DocBlock[] | null {
  if (version === '2') return typeof value === 'string' ? fromWiki(value) : null;
  const doc = AdfDocSchema.safeParse(value);
  return doc.success ? fromAdf(doc.data) : null;
}
