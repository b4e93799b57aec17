import { richTextToText } from '../shared/issue-text.ts';

/**
 * The words of the issue search, cut the same way for documents and queries, in JavaScript rather
 * than by each database's tokenizer, so that SQLite and PostgreSQL index exactly the same words.
 */

// Longer words are cut, in documents and queries alike, so that a long word still finds itself and
// no word reaches PostgreSQL's 2 KB lexeme limit.
const MAX_TERM_LENGTH = 64;
// Keeps a document's tsvector far below PostgreSQL's 1 MB limit (3 bytes per UTF-16 unit at most).
const MAX_DOCUMENT_LENGTH = 100_000;
const MAX_QUERY_TERMS = 32;

/** Lower case without accents: "Überprüfung" → "uberprufung", "ᴬ" → "a". */
function fold(text: string): string {
  // Most issue text is ASCII, which has nothing to decompose: skip the normalisations.
  if (!/[\u0080-\uffff]/.test(text)) return text.toLowerCase();
  // Decompose before lower-casing: compatibility forms such as "ᴬ" or "Ⓐ" decompose to capitals.
  return text
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/** The distinct folded words of `text`, in order of first appearance. */
function words(text: string): Set<string> {
  const distinct = new Set<string>();
  for (const [word] of fold(text).matchAll(/[\p{L}\p{N}]+/gu)) {
    distinct.add(
      word.length > MAX_TERM_LENGTH ? Array.from(word).slice(0, MAX_TERM_LENGTH).join('') : word,
    );
  }
  return distinct;
}

/** The distinct words of `text`, space-separated: order and repeats do not matter to the search. */
export function documentTerms(text: string): string {
  const terms: string[] = [];
  let length = 0;
  for (const word of words(text)) {
    length += word.length + 1;
    if (length > MAX_DOCUMENT_LENGTH) break;
    terms.push(word);
  }
  return terms.join(' ');
}

/** The distinct words of a search; every one must match the start of a word of the issue. */
export function queryTerms(query: string): string[] {
  return [...words(query)].slice(0, MAX_QUERY_TERMS);
}

/** The stored columns of an issue that its search document is made of. */
export interface SearchableIssue {
  key: string;
  summary: string;
  labels_json: string;
  fields_json: string;
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

function description(fieldsJson: string): unknown {
  const fields = parseJson(fieldsJson);
  return typeof fields === 'object' && fields !== null && 'description' in fields
    ? fields.description
    : null;
}

function labels(labelsJson: string): string[] {
  const value = parseJson(labelsJson);
  return Array.isArray(value) ? value.filter((label) => typeof label === 'string') : [];
}

function commentBody(dataJson: string): unknown {
  const comment = parseJson(dataJson);
  return typeof comment === 'object' && comment !== null && 'body' in comment ? comment.body : null;
}

/** What an issue's search document is made of, as Jira sent it. */
export interface SearchSource {
  key: string;
  summary: string;
  /** The `description` field: ADF (Cloud v3), wiki markup (v2) or absent. */
  description: unknown;
  labels: readonly string[];
  /** Every comment's `body`, in order. */
  commentBodies: readonly unknown[];
}

/** The search document of an issue: key, summary, description, labels and every comment's text. */
export function searchDocument(source: SearchSource): string {
  return documentTerms(
    [
      source.key,
      source.summary,
      richTextToText(source.description),
      ...source.labels,
      ...source.commentBodies.map(richTextToText),
    ].join('\n'),
  );
}

/**
 * The search document of an issue read back from its stored columns (an index rebuilt from the
 * mirror); a sync, which holds the issue parsed, uses searchDocument and parses nothing again.
 */
export function issueTerms(
  issue: SearchableIssue,
  comments: readonly { data_json: string }[],
): string {
  return searchDocument({
    key: issue.key,
    summary: issue.summary,
    description: description(issue.fields_json),
    labels: labels(issue.labels_json),
    commentBodies: comments.map((comment) => commentBody(comment.data_json)),
  });
}
