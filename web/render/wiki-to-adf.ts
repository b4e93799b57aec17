/**
 * Jira wiki markup (Server/Data Center and v2 rich text) to an ADF document, which adf-render.tsx
 * then shows: one renderer, one place where links are checked. jira2md was tried first; it turns
 * `*a* and *b*` into one bold run, rewrites `x_y_z` inside {code} blocks, drops {quote}, and hands
 * raw HTML through, so a small parser of the documented syntax is the safer path.
 */
import type { AdfNode } from './adf-types.ts';
import { parseInline } from './wiki-inline.ts';

// {quote} and {panel} inside each other deeper than this are shown as text.
const MAX_NESTING = 6;
// List markers longer than this (`*******…`) count as this deep.
const MAX_LIST_DEPTH = 8;

const LIST_LINE = /^\s*([*#]+|-)\s+(.*)$/;
const HEADING = /^\s*h([1-6])\.\s*(.*)$/;

/** Parses wiki markup into an ADF document. */
export function wikiToAdf(markup: string): AdfNode {
  return { type: 'doc', content: parseBlocks(markup.split(/\r?\n/), 0) };
}

function parseBlocks(lines: string[], nesting: number): AdfNode[] {
  const blocks: AdfNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    const block = readBlock(lines, i, nesting);
    blocks.push(...block.nodes);
    i = block.next;
  }
  return blocks;
}

interface Read {
  nodes: AdfNode[];
  next: number;
}

function readBlock(lines: string[], i: number, nesting: number): Read {
  const line = lines[i] ?? '';
  const macro = /^\s*\{(code|noformat|quote|panel)((?:[:|][^}]*)?)\}(.*)$/.exec(line);
  if (macro !== null) {
    const [, name = '', params = '', after = ''] = macro;
    const body = readMacro(lines, i, name, after);
    if (body !== null)
      return { nodes: [macroNode(name, params, body.lines, nesting)], next: body.next };
  }
  const heading = HEADING.exec(line);
  if (heading !== null) {
    const level = Number(heading[1]);
    return {
      nodes: [{ type: 'heading', attrs: { level }, content: parseInline(heading[2] ?? '') }],
      next: i + 1,
    };
  }
  if (/^\s*bq\.\s/.test(line)) {
    const text = line.replace(/^\s*bq\.\s+/, '');
    return { nodes: [{ type: 'blockquote', content: [paragraph([text])] }], next: i + 1 };
  }
  if (/^\s*-{4,}\s*$/.test(line)) return { nodes: [{ type: 'rule' }], next: i + 1 };
  if (LIST_LINE.test(line)) return readList(lines, i);
  if (/^\s*\|/.test(line)) return readTable(lines, i);
  return readParagraph(lines, i);
}

/** The lines of a `{name}…{name}` macro from line `i`, and the line after its end; null if unclosed. */
function readMacro(
  lines: string[],
  i: number,
  name: string,
  after: string,
): { lines: string[]; next: number } | null {
  const end = `{${name}}`;
  const body: string[] = [];
  let current = after;
  for (let j = i; j < lines.length; j++) {
    if (j > i) current = lines[j] ?? '';
    const at = current.indexOf(end);
    if (at !== -1) {
      body.push(current.slice(0, at));
      const rest = current.slice(at + end.length).trim();
      // Text after the closing tag on the same line is not lost: it becomes the next block.
      if (rest !== '') {
        lines.splice(j + 1, 0, rest);
      }
      return { lines: trimBlankEnds(body), next: j + 1 };
    }
    body.push(current);
  }
  return null;
}

function macroNode(name: string, params: string, body: string[], nesting: number): AdfNode {
  if (name === 'code' || name === 'noformat') {
    const language = name === 'code' ? /^:([\w+#-]+)/.exec(params)?.[1] : undefined;
    return {
      type: 'codeBlock',
      ...(language === undefined ? {} : { attrs: { language } }),
      content: body.length === 0 ? [] : [{ type: 'text', text: body.join('\n') }],
    };
  }
  const inner = nesting >= MAX_NESTING ? [paragraph(body)] : parseBlocks(body, nesting + 1);
  if (name === 'quote') return { type: 'blockquote', content: inner };
  const title = /title=([^|}]*)/.exec(params)?.[1]?.trim();
  const heading =
    title === undefined || title === ''
      ? []
      : [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: title, marks: [{ type: 'strong' }] }],
          },
        ];
  return { type: 'panel', attrs: { panelType: 'info' }, content: [...heading, ...inner] };
}

function trimBlankEnds(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] ?? '').trim() === '') start++;
  while (end > start && (lines[end - 1] ?? '').trim() === '') end--;
  return lines.slice(start, end);
}

/** Lines of a paragraph joined by hard breaks, as Jira shows a single newline. */
function paragraph(lines: string[]): AdfNode {
  const content: AdfNode[] = [];
  lines.forEach((line, index) => {
    if (index > 0) content.push({ type: 'hardBreak' });
    content.push(...parseInline(line));
  });
  return { type: 'paragraph', content };
}

function startsBlock(line: string): boolean {
  return (
    line.trim() === '' ||
    HEADING.test(line) ||
    LIST_LINE.test(line) ||
    /^\s*(\||bq\.\s|-{4,}\s*$|\{(code|noformat|quote|panel)[:|}])/.test(line)
  );
}

function readParagraph(lines: string[], i: number): Read {
  const own = [lines[i] ?? ''];
  let j = i + 1;
  while (j < lines.length && !startsBlock(lines[j] ?? '')) own.push(lines[j++] ?? '');
  return { nodes: [paragraph(own)], next: j };
}

interface ListEntry {
  marker: string;
  text: string;
}

function readList(lines: string[], i: number): Read {
  const entries: ListEntry[] = [];
  let j = i;
  for (; j < lines.length; j++) {
    const match = LIST_LINE.exec(lines[j] ?? '');
    if (match === null) break;
    const marker = (match[1] === '-' ? '*' : (match[1] ?? '*')).slice(0, MAX_LIST_DEPTH);
    entries.push({ marker, text: match[2] ?? '' });
  }
  return { nodes: buildLists(entries, 0), next: j };
}

/** Nested lists from entries whose markers (`*`, `**`, `#`, `*#`...) give depth and kind. */
function buildLists(entries: ListEntry[], level: number): AdfNode[] {
  const lists: { ordered: boolean; items: { text: string; deeper: ListEntry[] }[] }[] = [];
  for (const entry of entries) {
    const ordered = entry.marker[level] === '#';
    let list = lists[lists.length - 1];
    const own = entry.marker.length === level + 1;
    if (list === undefined || (own && list.ordered !== ordered)) {
      list = { ordered, items: [] };
      lists.push(list);
    }
    if (own) {
      list.items.push({ text: entry.text, deeper: [] });
      continue;
    }
    let item = list.items[list.items.length - 1];
    if (item === undefined) {
      item = { text: '', deeper: [] };
      list.items.push(item);
    }
    item.deeper.push(entry);
  }
  return lists.map((list) => ({
    type: list.ordered ? 'orderedList' : 'bulletList',
    content: list.items.map((item) => ({
      type: 'listItem',
      content: [
        ...(item.text === '' ? [] : [paragraph([item.text])]),
        ...buildLists(item.deeper, level + 1),
      ],
    })),
  }));
}

function readTable(lines: string[], i: number): Read {
  const rows: AdfNode[] = [];
  let j = i;
  for (; j < lines.length && /^\s*\|/.test(lines[j] ?? ''); j++) {
    const cells = splitCells((lines[j] ?? '').trim()).map((cell) => ({
      type: cell.header ? 'tableHeader' : 'tableCell',
      content: [paragraph([cell.text.trim()])],
    }));
    rows.push({ type: 'tableRow', content: cells });
  }
  return { nodes: [{ type: 'table', content: rows }], next: j };
}

/** The cells of a table row; `|` inside `[text|url]` or `{…}` does not split. */
function splitCells(row: string): { header: boolean; text: string }[] {
  const cells: { header: boolean; text: string }[] = [];
  let current: { header: boolean; text: string } | null = null;
  let brackets = 0;
  for (let i = 0; i < row.length; i++) {
    const c = row[i] ?? '';
    if (c === '[' || c === '{') brackets++;
    if ((c === ']' || c === '}') && brackets > 0) brackets--;
    if (c === '|' && brackets === 0) {
      if (current !== null) cells.push(current);
      const header = row[i + 1] === '|';
      if (header) i++;
      current = { header, text: '' };
      continue;
    }
    if (current !== null) current.text += c;
  }
  if (current !== null && current.text.trim() !== '') cells.push(current);
  return cells;
}
