/** The part of the Atlassian Document Format (ADF) that OwlHub reads, and a tolerant reader for it. */

/** A mark on a text node: strong, em, link (`attrs.href`), textColor (`attrs.color`)... */
export interface AdfMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A node of an ADF tree, as OwlHub builds one (from wiki markup). */
export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: AdfMark[];
  content?: AdfNode[];
}

/** A node read from untrusted JSON: only its own level is checked, its children are read when reached. */
export interface LooseNode {
  type: string;
  text: string | undefined;
  attrs: Record<string, unknown>;
  marks: unknown[];
  content: unknown[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` as a node when it has a string `type`; anything else is not a node. */
export function readNode(value: unknown): LooseNode | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  return {
    type: value.type,
    text: typeof value.text === 'string' ? value.text : undefined,
    attrs: isRecord(value.attrs) ? value.attrs : {},
    marks: Array.isArray(value.marks) ? value.marks : [],
    content: Array.isArray(value.content) ? value.content : [],
  };
}

/** `value` as a mark when it has a string `type`. */
export function readMark(value: unknown): { type: string; attrs: Record<string, unknown> } | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  return { type: value.type, attrs: isRecord(value.attrs) ? value.attrs : {} };
}

/** Whether `value` looks like an ADF document (Jira Cloud's v3 rich text). */
export function isAdfDoc(value: unknown): boolean {
  return readNode(value)?.type === 'doc';
}

/**
 * The text of a subtree, read without recursion so that a hostile, deeply nested document cannot
 * exhaust the stack.
 */
export function plainText(root: unknown): string {
  const parts: string[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = readNode(stack.pop());
    if (node === null) continue;
    if (node.text !== undefined) parts.push(node.text);
    for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i]);
  }
  return parts.join('');
}
