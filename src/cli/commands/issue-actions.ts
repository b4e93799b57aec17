import { userInfo } from 'node:os';
import { Command } from 'commander';
import { assignIssue } from '../../actions/assign-issue.ts';
import { commentIssue } from '../../actions/comment-issue.ts';
import { listCreateIssueTypes } from '../../actions/create-meta.ts';
import { createIssue } from '../../actions/create-issue.ts';
import type { ActionDeps } from '../../actions/deps.ts';
import { listTransitions, transitionIssue } from '../../actions/transition-issue.ts';
import type { AuditActor } from '../../audit/actor.ts';
import { ApiError } from '../../server/errors.ts';
import type { MirrorIssueDetail } from '../../shared/mirror.ts';
import { findIntegration } from '../../storage/integrations.ts';
import { withCoreDeps } from '../core-deps.ts';
import { CliInputError } from '../secret-input.ts';

/** The CLI acts as the operator at the terminal, with direct access to the database. */
function cliActor(): AuditActor {
  return { type: 'system', label: `cli:${userInfo().username}` };
}

function collectField(value: string, fields: Record<string, string>): Record<string, string> {
  const equals = value.indexOf('=');
  if (equals <= 0) throw new CliInputError(`--field takes id=value, not "${value}".`);
  return { ...fields, [value.slice(0, equals)]: value.slice(equals + 1) };
}

function issueLine(issue: MirrorIssueDetail): string {
  const who = issue.assignee?.displayName ?? 'unassigned';
  return `${issue.key}  ${issue.status ?? ''}  ${who}  ${issue.summary}\n`;
}

/** Runs an action and prints Jira's field errors one per line, since the generic handler prints only the message. */
async function act<T>(work: (deps: ActionDeps) => Promise<T>): Promise<T> {
  try {
    return await withCoreDeps((deps) => work(deps));
  } catch (error) {
    if (error instanceof ApiError && error.details.fields !== undefined) {
      const lines = Object.entries(error.details.fields).map(([f, m]) => `  ${f}: ${m}\n`);
      process.stderr.write(`${error.message}\n${lines.join('')}`);
      throw new CliInputError('Nothing was changed in Jira.');
    }
    throw error;
  }
}

async function issueTypeId(
  deps: ActionDeps,
  id: string,
  project: string,
  type: string,
): Promise<string> {
  const types = await listCreateIssueTypes(deps, id, project);
  const found = types.find((t) => t.id === type || t.name.toLowerCase() === type.toLowerCase());
  if (found === undefined)
    throw new CliInputError(
      `${project} has no issue type "${type}"; it has: ${types.map((t) => t.name).join(', ')}.`,
    );
  return found.id;
}

async function transitionId(
  deps: ActionDeps,
  id: string,
  key: string,
  wanted: string,
): Promise<string> {
  const transitions = await listTransitions(deps, id, key);
  const lower = wanted.toLowerCase();
  const found = transitions.find(
    (t) => t.id === wanted || t.name.toLowerCase() === lower || t.toStatus?.toLowerCase() === lower,
  );
  if (found === undefined)
    throw new CliInputError(
      `${key} has no transition "${wanted}" now; it has: ${transitions.map((t) => `${t.name} (${t.id})`).join(', ')}.`,
    );
  return found.id;
}

async function deploymentOf(deps: ActionDeps, id: string): Promise<string | null> {
  return (await findIntegration(deps.db, id))?.deployment ?? null;
}

/** `owlhub issue …`: create, transition, comment, assign, through an integration. */
export function issueActionsCommand(): Command {
  const create = new Command('create')
    .argument('<integration>', 'integration id')
    .description('Create an issue in Jira and mirror it')
    .requiredOption('--project <key>', 'project key')
    .requiredOption('--type <type>', 'issue type name or id')
    .requiredOption('--summary <text>', 'summary')
    .option(
      '--field <id=value>',
      'another field, repeatable (e.g. customfield_10010=Payments)',
      collectField,
      {},
    )
    .action(
      async (
        id: string,
        options: { project: string; type: string; summary: string; field: Record<string, string> },
      ) => {
        const issue = await act(async (deps) =>
          createIssue(deps, cliActor(), id, {
            projectKey: options.project,
            issueTypeId: await issueTypeId(deps, id, options.project, options.type),
            fields: { ...options.field, summary: options.summary },
          }),
        );
        process.stdout.write(`Created ${issueLine(issue)}`);
      },
    );
  const transition = new Command('transition')
    .arguments('<integration> <key> <transition>')
    .description('Move an issue: a transition id, its name or the status it leads to')
    .action(async (id: string, key: string, wanted: string) => {
      const issue = await act(async (deps) =>
        transitionIssue(deps, cliActor(), id, key, {
          transitionId: await transitionId(deps, id, key, wanted),
        }),
      );
      process.stdout.write(issueLine(issue));
    });
  const comment = new Command('comment')
    .arguments('<integration> <key> <text>')
    .description('Add a plain-text comment')
    .action(async (id: string, key: string, text: string) => {
      if (text.trim() === '') throw new CliInputError('Write a comment.');
      const added = await act((deps) => commentIssue(deps, cliActor(), id, key, { body: text }));
      process.stdout.write(`Comment ${added.commentId} added to ${added.issue.key}\n`);
    });
  const assign = new Command('assign')
    .arguments('<integration> <key> <user>')
    .description('Assign to an account id (Cloud) or username (Data Center); "none" unassigns')
    .action(async (id: string, key: string, user: string) => {
      const issue = await act(async (deps) => {
        const who = user === 'none' ? null : user;
        const input =
          (await deploymentOf(deps, id)) === 'cloud' ? { accountId: who } : { name: who };
        return assignIssue(deps, cliActor(), id, key, input);
      });
      process.stdout.write(issueLine(issue));
    });
  return new Command('issue')
    .description('Act on Jira issues through an integration')
    .addCommand(create)
    .addCommand(transition)
    .addCommand(comment)
    .addCommand(assign);
}
