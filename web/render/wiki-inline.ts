/** Jira wiki markup inside one line (bold, italic, links, mentions...) to ADF text nodes with marks. */
import type { AdfMark, AdfNode } from './adf-types.ts';

// Nesting deeper than this is shown literally; real text nests two or three levels.
const MAX_DEPTH = 8;

const DELIMITERS: Record<string, AdfMark> = {
  '*': { type: 'strong' },
  _: { type: 'em' },
  '-': { type: 'strike' },
  '+': { type: 'underline' },
  '^': { type: 'subsup', attrs: { type: 'sup' } },
  '~': { type: 'subsup', attrs: { type: 'sub' } },
  '??': { type: 'em' },
};

// Jira's emoticons, as the emoji it renders for them.
const EMOTICONS: Record<string, string> = {
  ':)': '🙂',
  ':(': '🙁',
  ':P': '😛',
  ':D': '😀',
  ';)': '😉',
  '(y)': '👍',
  '(n)': '👎',
  '(i)': 'ℹ️',
  '(/)': '✅',
  '(x)': '❌',
  '(!)': '⚠️',
  '(?)': '❓',
  '(on)': '💡',
  '(*)': '⭐',
};

const URL_AT = /(?:https?:\/\/|mailto:)[^\s<>"\]|]+/y;

/** Parses one line of wiki markup into text, mention, emoji and hardBreak nodes. */
export function parseInline(line: string): AdfNode[] {
  return new InlineParser(line).run(0, line.length, [], 0);
}

class InlineParser {
  // Tokens known to be absent after a position: a line full of unmatched `[` or `{{` stays linear.
  private readonly absentFrom = new Map<string, number>();
  // Delimiters with no closer after a position (closing depends only on the closer's neighbours).
  private readonly unclosedFrom = new Map<string, number>();

  constructor(private readonly line: string) {}

  run(start: number, end: number, marks: AdfMark[], depth: number): AdfNode[] {
    const out: AdfNode[] = [];
    let text = '';
    const flush = () => {
      if (text !== '') out.push(textNode(text, marks));
      text = '';
    };
    let i = start;
    while (i < end) {
      const step = this.special(i, end, marks, depth);
      if (step === null) {
        text += this.line[i] ?? '';
        i++;
        continue;
      }
      if (step.literal !== undefined) {
        text += step.literal;
      } else {
        flush();
        out.push(...step.nodes);
      }
      i = step.next;
    }
    flush();
    return out;
  }

  /** What starts at `i`, if anything: the nodes it makes and where parsing goes on. */
  private special(
    i: number,
    end: number,
    marks: AdfMark[],
    depth: number,
  ): { nodes: AdfNode[]; literal?: string; next: number } | null {
    const line = this.line;
    const rest = line.slice(i, Math.min(end, i + 12));
    const c = line[i] ?? '';
    if (c === '\\') {
      if (line[i + 1] === '\\') return { nodes: [{ type: 'hardBreak' }], next: i + 2 };
      if (i + 1 < end) return { nodes: [], literal: line[i + 1] ?? '', next: i + 2 };
    }
    if (rest.startsWith('{{')) {
      const close = this.find('}}', i + 2);
      if (close !== -1 && close + 2 <= end) {
        const code = line.slice(i + 2, close);
        return { nodes: [textNode(code, [...marks, { type: 'code' }])], next: close + 2 };
      }
    }
    const color = rest.startsWith('{color:') ? this.find('}', i) : -1;
    if (color !== -1) {
      const open = color + 1;
      const close = this.find('{color}', open);
      if (close !== -1 && close + 7 <= end) {
        const mark = { type: 'textColor', attrs: { color: line.slice(i + 7, color) } };
        return { nodes: this.nest(open, close, [...marks, mark], depth), next: close + 7 };
      }
    }
    if (c === '[') {
      const close = this.find(']', i + 1);
      if (close !== -1 && close < end) {
        return { nodes: this.bracket(line.slice(i + 1, close), marks, depth), next: close + 1 };
      }
    }
    if (c === '!' && isWordStart(line, i) && !/\s/.test(line[i + 1] ?? ' ')) {
      const close = this.find('!', i + 1);
      if (close !== -1 && close < end && !/\s/.test(line.slice(i + 1, close))) {
        // Attachments live in Jira behind its own authentication: name the image, load nothing.
        const name = line.slice(i + 1, close).split('|')[0] ?? '';
        return { nodes: [textNode(`[image: ${name}]`, marks)], next: close + 1 };
      }
    }
    const url =
      /^(?:http|mailto:)/.test(rest) && isWordStart(line, i) ? matchAt(URL_AT, line, i) : null;
    if (url !== null && i + url.length <= end) {
      const href = url.replace(/[.,;:!?)]+$/, '');
      return {
        nodes: [textNode(href, [...marks, { type: 'link', attrs: { href } }])],
        next: i + href.length,
      };
    }
    for (const [emoticon, emoji] of Object.entries(EMOTICONS)) {
      if (rest.startsWith(emoticon) && isWordStart(line, i)) {
        return {
          nodes: [{ type: 'emoji', attrs: { shortName: emoticon, text: emoji } }],
          next: i + emoticon.length,
        };
      }
    }
    return this.delimited(i, end, marks, depth);
  }

  /** `*strong*`, `_em_`, `-strike-`... opened at a word start and closed before a word end. */
  private delimited(i: number, end: number, marks: AdfMark[], depth: number) {
    const line = this.line;
    const delimiter = line.startsWith('??', i) ? '??' : (line[i] ?? '');
    const mark = DELIMITERS[delimiter];
    // Jira writes x^2^ and H~2~O inside words; the other marks need word boundaries.
    const inWord = delimiter === '^' || delimiter === '~';
    if (mark === undefined || depth >= MAX_DEPTH || !(inWord || isWordStart(line, i))) return null;
    const open = i + delimiter.length;
    if (open >= end || /\s/.test(line[open] ?? ' ')) return null;
    if ((this.unclosedFrom.get(delimiter) ?? Infinity) <= open) return null;
    let close = this.find(delimiter, open + 1);
    while (close !== -1 && close < end) {
      const closes =
        !/\s/.test(line[close - 1] ?? ' ') && (inWord || isWordEnd(line, close + delimiter.length));
      if (closes) {
        return {
          nodes: this.nest(open, close, [...marks, mark], depth),
          next: close + delimiter.length,
        };
      }
      close = this.find(delimiter, close + 1);
    }
    if (close === -1) this.unclosedFrom.set(delimiter, open);
    return null;
  }

  /** indexOf that remembers misses, so that searching again from a later position costs nothing. */
  private find(token: string, from: number): number {
    if ((this.absentFrom.get(token) ?? Infinity) <= from) return -1;
    const found = this.line.indexOf(token, from);
    if (found === -1) this.absentFrom.set(token, from);
    return found;
  }

  private nest(start: number, end: number, marks: AdfMark[], depth: number): AdfNode[] {
    return this.run(start, end, marks, depth + 1);
  }

  /** `[text|url]`, `[url]`, `[~user]` or `[~accountid:…]`; anything else stays as written. */
  private bracket(inside: string, marks: AdfMark[], depth: number): AdfNode[] {
    if (inside.startsWith('~')) {
      const id = inside.slice(1).replace(/^accountid:/, '');
      return [{ type: 'mention', attrs: { id, text: `@${id}` } }];
    }
    const bar = inside.lastIndexOf('|');
    const label = bar === -1 ? inside : inside.slice(0, bar);
    const target = (bar === -1 ? inside : inside.slice(bar + 1)).trim();
    if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) return [textNode(`[${inside}]`, marks)];
    const linked = [...marks, { type: 'link', attrs: { href: target } }];
    return bar === -1
      ? [textNode(target, linked)]
      : new InlineParser(label).run(0, label.length, linked, depth + 1);
  }
}

function matchAt(pattern: RegExp, line: string, i: number): string | null {
  pattern.lastIndex = i;
  return pattern.exec(line)?.[0] ?? null;
}

function textNode(text: string, marks: AdfMark[]): AdfNode {
  return marks.length === 0 ? { type: 'text', text } : { type: 'text', text, marks };
}

function isWordStart(line: string, i: number): boolean {
  return i === 0 || !/[\p{L}\p{N}]/u.test(line[i - 1] ?? '');
}

function isWordEnd(line: string, i: number): boolean {
  return i >= line.length || !/[\p{L}\p{N}]/u.test(line[i] ?? '');
}
