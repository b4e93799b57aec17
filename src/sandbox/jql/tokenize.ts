import { syntaxError } from './errors.ts';

/** A lexical token of JQL. */
export type Token =
  | { readonly kind: 'word'; readonly text: string; readonly offset: number }
  | { readonly kind: 'string'; readonly text: string; readonly offset: number }
  | { readonly kind: 'op'; readonly text: string; readonly offset: number }
  | { readonly kind: 'punct'; readonly text: '(' | ')' | ','; readonly offset: number };

const OPERATORS = ['!=', '<=', '>=', '!~', '=', '<', '>', '~', '&&', '||', '!'];
const WORD = /[A-Za-z0-9_.\-/*@:]/;
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '"': '"',
  "'": "'",
  '\\': '\\',
  ' ': ' ',
};

function readString(input: string, start: number): { text: string; end: number } {
  const quote = input[start];
  let text = '';
  let i = start + 1;
  while (i < input.length) {
    const ch = input[i];
    if (ch === quote) return { text, end: i + 1 };
    if (ch === '\\') {
      const next = input[i + 1] ?? '';
      if (next === 'u') {
        text += String.fromCharCode(parseInt(input.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      text += ESCAPES[next] ?? next;
      i += 2;
      continue;
    }
    text += ch ?? '';
    i++;
  }
  throw syntaxError('The quoted string has not been completed.', start);
}

/** Splits JQL into tokens; `cf[10010]` is one word, as Jira reads it. */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      const { text, end } = readString(input, i);
      tokens.push({ kind: 'string', text, offset: i });
      i = end;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: 'punct', text: ch, offset: i });
      i++;
    } else if (WORD.test(ch)) {
      let end = i;
      while (end < input.length && WORD.test(input[end] ?? '')) end++;
      const bracket = /^\[\d+\]/.exec(input.slice(end));
      if (bracket !== null && input.slice(i, end).toLowerCase() === 'cf') end += bracket[0].length;
      tokens.push({ kind: 'word', text: input.slice(i, end), offset: i });
      i = end;
    } else {
      const op = OPERATORS.find((o) => input.startsWith(o, i));
      if (op === undefined) {
        throw syntaxError(
          `The character '${ch}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}' instead.`,
          i,
        );
      }
      tokens.push({ kind: 'op', text: op, offset: i });
      i += op.length;
    }
  }
  return tokens;
}
