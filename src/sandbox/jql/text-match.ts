import type { DocBlock } from '../domain/model.ts';

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+\*?/gu) ?? [];
}

function stem(word: string): string {
  return word.replace(/(ing|ed|es|s)$/, '');
}

/**
 * Approximates Jira's `~`: every word of the query must occur in the text, with light stemming
 * and `*` as a trailing wildcard. Jira's Lucene analysis is richer; this is enough for tests.
 */
export function textMatches(text: string, query: string): boolean {
  const haystack = words(text);
  const stems = new Set(haystack.map(stem));
  return words(query).every((word) =>
    word.endsWith('*')
      ? haystack.some((w) => w.startsWith(word.slice(0, -1)))
      : stems.has(stem(word)),
  );
}

/** The plain text of a rich-text document, for `~` searches. */
export function docText(doc: readonly DocBlock[] | null): string {
  if (doc === null) return '';
  return doc
    .map((block) => {
      if (block.kind === 'bullets') return block.items.join(' ');
      if (block.kind === 'paragraph') return `${block.text} ${block.strong ?? ''}`;
      return block.text;
    })
    .join(' ');
}
