import {
  ISSUE_TYPES,
  PRIORITIES,
  STATUSES,
  SUBTASK_TYPE_ID,
  TEAM_OPTIONS,
  findStatus,
} from './catalog.ts';
import type {
  CommentRecord,
  DocBlock,
  Flavor,
  IssueRecord,
  ProjectRecord,
  UserRecord,
} from './model.ts';
import { createRandom, mixSeed, type Random } from './random.ts';
import { LABELS, NOUNS, PEOPLE, PROJECT_NAMES, QUALIFIERS, SENTENCES, VERBS } from './words.ts';

/** What to generate. */
export interface GenerateOptions {
  readonly flavor: Flavor;
  readonly seed: number;
  readonly projects: number;
  readonly issues: number;
  readonly timeZone: string;
  /** Generated dates end here (epoch ms). */
  readonly anchorTime: number;
}

/** Everything a fresh sandbox starts with. */
export interface GeneratedData {
  readonly users: UserRecord[];
  readonly projects: ProjectRecord[];
  readonly issues: IssueRecord[];
}

const DAY_MS = 86_400_000;
const TWO_YEARS_MS = 730 * DAY_MS;
const USER_ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Tokyo',
  'UTC',
  'America/Los_Angeles',
];

function hex(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += random.int(16).toString(16);
  return out;
}

function generateUsers(options: GenerateOptions, random: Random): UserRecord[] {
  return PEOPLE.map((person, index) => {
    const name = person.first.toLowerCase();
    return {
      id:
        options.flavor === 'cloud'
          ? `5b10a2844c2016${hex(random, 10)}`
          : `JIRAUSER${10100 + index}`,
      name,
      displayName: `${person.first} ${person.last}`,
      email: `${name}@owlhub.test`,
      timeZone: index === 0 ? options.timeZone : random.pick(USER_ZONES),
      active: index !== PEOPLE.length - 1,
    };
  });
}

function generateProjects(count: number, users: readonly UserRecord[]): ProjectRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const known = PROJECT_NAMES[index];
    const lead = users[index % users.length];
    return {
      id: 10000 + index,
      key: known?.key ?? `PRJ${index + 1}`,
      name: known?.name ?? `Project ${index + 1}`,
      leadId: lead?.id ?? '',
      nextNumber: 1,
    };
  });
}

/** Generates a description: some issues have none, others a heading, paragraphs and a list. */
export function generateDoc(random: Random, blocks: number): DocBlock[] {
  const doc: DocBlock[] = [];
  for (let i = 0; i < blocks; i++) {
    const roll = random.int(6);
    if (roll === 0) doc.push({ kind: 'heading', text: random.pick(NOUNS) });
    else if (roll === 1)
      doc.push({ kind: 'bullets', items: [random.pick(SENTENCES), random.pick(SENTENCES)] });
    else if (roll === 2)
      doc.push({ kind: 'code', text: `curl -s https://example.test/${random.int(999)}` });
    else doc.push({ kind: 'paragraph', text: random.pick(SENTENCES), strong: random.pick(NOUNS) });
  }
  return doc;
}

function commentCount(random: Random): number {
  const roll = random.next();
  if (roll < 0.01) return 101 + random.int(40);
  if (roll < 0.4) return 0;
  return 1 + random.int(4);
}

/** Generates the issues in id order, creation times rising with ids as in a real Jira. */
function generateIssues(
  options: GenerateOptions,
  users: readonly UserRecord[],
  projects: ProjectRecord[],
): IssueRecord[] {
  const issues: IssueRecord[] = [];
  const parentsByProject = new Map<number, IssueRecord[]>();
  const start = options.anchorTime - TWO_YEARS_MS;
  const step = TWO_YEARS_MS / Math.max(1, options.issues);
  const userIds = users.map((u) => u.id);
  const standardTypes = ISSUE_TYPES.filter((t) => !t.subtask);
  for (let index = 0; index < options.issues; index++) {
    const random = createRandom(mixSeed(options.seed, index));
    const project = projects[index % projects.length];
    if (project === undefined) break;
    const parents = parentsByProject.get(project.id) ?? [];
    const parent = parents.length > 0 && random.chance(0.15) ? random.pick(parents) : undefined;
    const created = Math.floor(start + (index + random.next()) * step);
    const updated = random.chance(0.2)
      ? created
      : created + Math.floor(random.next() * (options.anchorTime - created));
    const status = random.pick(STATUSES);
    const done = findStatus(status.id)?.categoryId === 3;
    const issueTypeId = parent === undefined ? random.pick(standardTypes).id : SUBTASK_TYPE_ID;
    const issue: IssueRecord = {
      id: 10000 + index,
      key: `${project.key}-${project.nextNumber++}`,
      projectId: project.id,
      issueTypeId,
      statusId: status.id,
      priorityId: random.pick(PRIORITIES).id,
      summary: `${random.pick(VERBS)} ${random.pick(NOUNS)} ${random.pick(QUALIFIERS)}`.trim(),
      description: random.chance(0.15) ? null : generateDoc(random, 1 + random.int(4)),
      assigneeId: random.chance(0.25) ? null : random.pick(userIds),
      reporterId: random.pick(userIds),
      creatorId: random.pick(userIds),
      created,
      updated,
      statusChanged: updated,
      resolved: done ? updated : null,
      labels: random.chance(0.5) ? [] : [random.pick(LABELS)],
      parentId: parent?.id ?? null,
      custom: {
        team: random.chance(0.3) ? null : random.pick(TEAM_OPTIONS).id,
        reviewers: random.chance(0.5)
          ? []
          : [random.pick(userIds), random.pick(userIds)].filter((v, i, a) => a.indexOf(v) === i),
        storyPoints: random.chance(0.4) ? null : random.pick([1, 2, 3, 5, 8, 13, 0.5]),
        reviewDate: random.chance(0.6)
          ? null
          : new Date(updated + random.int(60) * DAY_MS).toISOString().slice(0, 10),
        notes: random.chance(0.7) ? null : random.pick(SENTENCES),
        tags: random.chance(0.5)
          ? []
          : [random.pick(LABELS), random.pick(LABELS)].filter((v, i, a) => a.indexOf(v) === i),
      },
      comments: null,
      generatedComments: commentCount(random),
    };
    issues.push(issue);
    if (parent === undefined) parentsByProject.set(project.id, [...parents, issue].slice(-50));
  }
  return issues;
}

/** Generates users, projects and issues deterministically from the seed. */
export function generateData(options: GenerateOptions): GeneratedData {
  const random = createRandom(options.seed);
  const users = generateUsers(options, random);
  const projects = generateProjects(Math.max(1, options.projects), users);
  return { users, projects, issues: generateIssues(options, users, projects) };
}

/** Generates an issue's initial comments, spread between its creation and last update. */
export function generateComments(
  seed: number,
  issue: IssueRecord,
  users: readonly UserRecord[],
  firstId: number,
): CommentRecord[] {
  const random = createRandom(mixSeed(seed ^ 0x5eed, issue.id));
  const span = Math.max(1, issue.updated - issue.created);
  const comments: CommentRecord[] = [];
  for (let i = 0; i < issue.generatedComments; i++) {
    const created =
      issue.created + Math.floor(((i + random.next()) / issue.generatedComments) * span);
    comments.push({
      id: firstId + i,
      authorId: random.pick(users).id,
      body: generateDoc(random, 1),
      created,
      updated: created,
    });
  }
  return comments;
}
