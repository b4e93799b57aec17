import { z } from 'zod';
import type { DocBlock } from '../domain/model.ts';

/** A node of an Atlassian Document Format tree, as much of it as the sandbox reads. */
export interface AdfNode {
  type: string;
  text?: string | undefined;
  content?: AdfNode[] | undefined;
}

/** Parses an ADF node loosely: unknown attributes and marks are allowed, as Jira allows them. */
export const AdfNodeSchema: z.ZodType<AdfNode> = z.lazy(() =>
  z.looseObject({
    type: z.string(),
    text: z.string().optional(),
    content: z.array(AdfNodeSchema).optional(),
  }),
);

/** An ADF document: Jira Cloud v3 refuses anything else where rich text is expected. */
export const AdfDocSchema = z.looseObject({
  type: z.literal('doc'),
  version: z.literal(1),
  content: z.array(AdfNodeSchema),
});

function textNode(text: string): object {
  return { type: 'text', text };
}

function paragraph(text: string): object {
  return { type: 'paragraph', content: [textNode(text)] };
}

function blockToAdf(block: DocBlock): object {
  switch (block.kind) {
    case 'heading':
      return { type: 'heading', attrs: { level: 3 }, content: [textNode(block.text)] };
    case 'paragraph':
      return block.strong === undefined
        ? paragraph(block.text)
        : {
            type: 'paragraph',
            content: [
              textNode(`${block.text} `),
              { type: 'text', text: block.strong, marks: [{ type: 'strong' }] },
            ],
          };
    case 'bullets':
      return {
        type: 'bulletList',
        content: block.items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
      };
    case 'code':
      return { type: 'codeBlock', attrs: { language: 'bash' }, content: [textNode(block.text)] };
  }
}

/** Renders a document as ADF (Cloud v3). */
export function toAdf(doc: readonly DocBlock[]): object {
  return { type: 'doc', version: 1, content: doc.map(blockToAdf) };
}

function blockToWiki(block: DocBlock): string {
  switch (block.kind) {
    case 'heading':
      return `h3. ${block.text}`;
    case 'paragraph':
      return block.strong === undefined ? block.text : `${block.text} *${block.strong}*`;
    case 'bullets':
      return block.items.map((item) => `* ${item}`).join('\n');
    case 'code':
      return `{code:bash}\n${block.text}\n{code}`;
  }
}

/** Renders a document as wiki markup (v2 and Data Center). */
export function toWiki(doc: readonly DocBlock[]): string {
  return doc.map(blockToWiki).join('\n\n');
}

function plainText(node: AdfNode): string {
  return node.text ?? (node.content ?? []).map(plainText).join('');
}

/** Reads an ADF document into blocks, keeping the structure the sandbox models. */
export function fromAdf(doc: { content: AdfNode[] }): DocBlock[] {
  return doc.content.map((node): DocBlock => {
    if (node.type === 'heading') return { kind: 'heading', text: plainText(node) };
    if (node.type === 'codeBlock') return { kind: 'code', text: plainText(node) };
    if (node.type === 'bulletList' || node.type === 'orderedList') {
      return { kind: 'bullets', items: (node.content ?? []).map(plainText) };
    }
    return { kind: 'paragraph', text: plainText(node) };
  });
}

/** Reads wiki markup into blocks, one per blank-line-separated chunk. */
export function fromWiki(text: string): DocBlock[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk): DocBlock => {
      const heading = /^h[1-6]\.\s+(.*)$/s.exec(chunk);
      if (heading !== null) return { kind: 'heading', text: heading[1] ?? '' };
      const code = /^\{code(?::[^}]*)?\}\n?(.*?)\n?\{code\}$/s.exec(chunk);
      if (code !== null) return { kind: 'code', text: code[1] ?? '' };
      const lines = chunk.split(/\r?\n/);
      if (lines.every((line) => line.startsWith('* ')))
        return { kind: 'bullets', items: lines.map((line) => line.slice(2)) };
      return { kind: 'paragraph', text: chunk };
    });
}
