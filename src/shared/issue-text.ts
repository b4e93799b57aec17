/**
 * Plain text out of Jira's rich text: ADF documents (Cloud v3) and wiki markup (Server/DC v2).
 * Meant for search and previews, not for display: structure is reduced to line breaks.
 */

// Inline nodes whose words live in `attrs` rather than in text children.
const ATTRIBUTE_TEXT: Record<string, readonly string[]> = {
  mention: ['text'],
  emoji: ['text', 'shortName'],
  status: ['text'],
  inlineCard: ['url'],
  blockCard: ['url'],
  embedCard: ['url'],
  media: ['alt'],
  expand: ['title'],
  nestedExpand: ['title'],
};
const INLINE = new Set(['text', 'hardBreak', 'mention', 'emoji', 'status', 'date', 'inlineCard']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function attributeText(type: string, attrs: unknown): string {
  if (!isRecord(attrs)) return '';
  for (const name of ATTRIBUTE_TEXT[type] ?? []) {
    const value = attrs[name];
    if (typeof value === 'string') return value;
  }
  return '';
}

function nodeText(node: unknown): string {
  if (!isRecord(node) || typeof node.type !== 'string') return '';
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
  if (node.type === 'hardBreak') return '\n';
  const own = attributeText(node.type, node.attrs);
  const children = Array.isArray(node.content) ? node.content.map(nodeText).join('') : '';
  const text = own === '' || children === '' ? own + children : `${own}\n${children}`;
  // A block ends its line, so the last word of a paragraph never runs into the next one's first.
  return INLINE.has(node.type) ? text : `${text}\n`;
}

/** The text of an Atlassian Document Format document (or node), blocks on lines of their own. */
export function adfToText(doc: unknown): string {
  return nodeText(doc)
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/**
 * Wiki markup with its markup removed, enough that the words read as words: macros such as
 * `{code:java}` and `{color:red}`, heading and list prefixes, table bars, link and image syntax and
 * emphasis marks go; their content stays.
 */
export function wikiToText(markup: string): string {
  return markup
    .replace(/\{\{(.*?)\}\}/g, '$1')
    .replace(/\{[a-zA-Z]+(?::[^}]*)?\}/g, ' ')
    .replace(/!([^!\s|]+)(?:\|[^!\n]*)?!/g, ' $1 ')
    .replace(/\[~?([^\]\n]*)\]/g, (_, link: string) => ` ${link.split('|').join(' ')} `)
    .replace(/^[ \t]*(?:h[1-6]\.|bq\.|[*#-]+)[ \t]+/gm, '')
    .replace(/\|\|?/g, ' ')
    .replace(/(^|[\s(])[*_+^~?-]{1,2}(?=\S)/g, '$1')
    .replace(/(?<=\S)[*_+^~?-]{1,2}(?=$|[\s).,;:!?])/gm, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Rich text as Jira sends it: a string is wiki markup (v2), an object an ADF document (v3). */
export function richTextToText(value: unknown): string {
  if (typeof value === 'string') return wikiToText(value);
  return adfToText(value);
}
