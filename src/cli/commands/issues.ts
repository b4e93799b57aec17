import { Command } from 'commander';
import type { MirrorIssue } from '../../shared/mirror.ts';
import { listIssues } from '../../sync/mirror-api.ts';
import { withCoreDeps } from '../core-deps.ts';
import { CliInputError } from '../secret-input.ts';

interface IssuesOptions {
  project?: string;
  status?: string;
  assignee?: string;
  q?: string;
  limit: string;
  json?: boolean;
}

const MAX_LIMIT = 500;
const SUMMARY_WIDTH = 80;

function parseLimit(text: string): number {
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new CliInputError(`--limit: Use a whole number from 1 to ${MAX_LIMIT}.`);
  return limit;
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** The issues as a table: key, status, assignee, updated (UTC, to the minute), summary. */
function issueTable(issues: readonly MirrorIssue[]): string {
  const rows = issues.map((issue) => [
    issue.key,
    issue.status ?? '',
    issue.assignee?.displayName ?? issue.assignee?.id ?? '',
    `${issue.updated.slice(0, 10)} ${issue.updated.slice(11, 16)}`,
    cut(issue.summary, SUMMARY_WIDTH),
  ]);
  const header = ['KEY', 'STATUS', 'ASSIGNEE', 'UPDATED', 'SUMMARY'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) =>
          column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
        )
        .join('  '),
    )
    .join('\n');
}

/** `owlhub issues ID`: the mirrored issues of an integration, filtered and searched, newest first. */
export function issuesCommand(): Command {
  return new Command('issues')
    .argument('<id>', 'integration id')
    .description(
      'List or search the mirrored issues of an integration, most recently updated first',
    )
    .option('--project <key>', 'only this project')
    .option('--status <name>', 'only issues in this status')
    .option('--assignee <id>', "only this assignee's issues (account id, or key on Server/DC)")
    .option(
      '-q, --q <text>',
      'full text: every word must start a word of the key, summary, description, labels or comments',
    )
    .option('--limit <n>', `at most this many issues (1 to ${MAX_LIMIT})`, '50')
    .option('--json', 'print the issues as JSON, as the API returns them')
    .action(async (id: string, options: IssuesOptions) => {
      const limit = parseLimit(options.limit);
      const filter = {
        project: options.project,
        status: options.status,
        assignee: options.assignee,
        q: options.q,
      };
      const page = await withCoreDeps((deps) => listIssues(deps, id, filter, { limit }));
      if (options.json === true) {
        process.stdout.write(`${JSON.stringify(page.items, null, 2)}\n`);
        return;
      }
      if (page.items.length === 0) {
        process.stdout.write('No issues match.\n');
        return;
      }
      process.stdout.write(`${issueTable(page.items)}\n`);
      if (page.nextCursor !== null)
        process.stdout.write(
          `More issues match: raise --limit (up to ${MAX_LIMIT}) or narrow the search.\n`,
        );
    });
}
