import type { NewComment } from '../../src/storage/mirror-comments.ts';
import type { NewIssueRow } from '../../src/storage/mirror-schema.ts';

/** Words of the generated text; word i is used about 1/(i+1) as often as word 0 (Zipf). */
export const VOCABULARY_SIZE = 20_000;
export const PROJECTS = Array.from({ length: 10 }, (_, i) => `P${i}`);
export const STATUSES = ['To Do', 'In Progress', 'In Review', 'Done', 'Closed'];
export const ASSIGNEES = Array.from({ length: 200 }, (_, i) => `user-${i}`);
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'si', 'pe', 'du', 'ga', 'zo'];
const START = Date.parse('2024-11-23T00:00:00.000Z');
const SPAN_MS = 2 * 365 * 24 * 3600 * 1000;

/** mulberry32: a small seeded generator, so that every run loads the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The word of rank `rank`: distinct pseudo-words built from syllables (rank 0 is "kax"). */
export function word(rank: number): string {
  let text = '';
  let rest = rank;
  do {
    text += SYLLABLES[rest % SYLLABLES.length] ?? '';
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  // No syllable has an x, so a one-syllable word padded with one is still unique.
  return text.length < 3 ? `${text}x` : text;
}

/** A Zipf-distributed word rank, by inverting the harmonic CDF approximately (ln-based). */
function zipfRank(random: () => number): number {
  const harmonic = Math.log(VOCABULARY_SIZE) + 0.5772;
  return Math.min(VOCABULARY_SIZE - 1, Math.floor(Math.exp(random() * harmonic - 0.5772)));
}

function sentence(random: () => number, length: number): string {
  return Array.from({ length }, () => word(zipfRank(random))).join(' ');
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

const adf = (...paragraphs: string[]) => ({
  type: 'doc',
  version: 1,
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/** One generated issue with its comments: ADF description and comment bodies, as Cloud sends. */
export interface GeneratedIssue {
  row: NewIssueRow;
  comments: NewComment[];
}

/** Issue number `n` (1-based) of integration `integrationId`, the same on every run. */
export function generateIssue(integrationId: string, n: number): GeneratedIssue {
  const random = seededRandom(n);
  const project = pick(random, PROJECTS);
  const summary = sentence(random, 5 + Math.floor(random() * 6));
  const description = adf(sentence(random, 20 + Math.floor(random() * 20)), sentence(random, 15));
  const updated = new Date(START + Math.floor(random() * SPAN_MS)).toISOString();
  const assignee = random() < 0.1 ? null : pick(random, ASSIGNEES);
  const labels = random() < 0.5 ? [] : [`label-${Math.floor(random() * 30)}`];
  const comments = Array.from({ length: Math.floor(random() * 4) }, (_, i) => ({
    jira_id: `${n}${i}`,
    position: i,
    author_id: assignee,
    created: updated,
    updated,
    data_json: JSON.stringify({ id: `${n}${i}`, body: adf(sentence(random, 10 + i * 5)) }),
  }));
  return {
    row: {
      integration_id: integrationId,
      jira_id: String(10_000 + n),
      id_num: 10_000 + n,
      key: `${project}-${n}`,
      project_key: project,
      summary,
      status: pick(random, STATUSES),
      status_category: 'indeterminate',
      issue_type: 'Task',
      priority: 'Medium',
      assignee_id: assignee,
      assignee_name: assignee,
      reporter_id: null,
      reporter_name: null,
      labels_json: JSON.stringify(labels),
      created: updated,
      updated,
      fields_json: JSON.stringify({ summary, description, labels }),
      synced_at: updated,
    },
    comments,
  };
}
