import type { IssueRecord } from '../domain/model.ts';
import type { StoreEvent } from '../domain/store.ts';
import { compileQuery } from '../jql/compile.ts';
import { parseJql } from '../jql/parse.ts';
import { renderComment } from '../render/comment.ts';
import { selectFields } from '../render/fields.ts';
import { renderIssue } from '../render/issue.ts';
import { renderUserById } from '../render/user.ts';
import { evalContextFor, renderContextFor } from '../routes/route-context.ts';
import type { SandboxRuntime } from '../runtime.ts';
import { changeItems } from './changelog.ts';
import type { PayloadBuilder, WebhookRegistration } from './hub.ts';

const ISSUE_EVENTS = {
  issue_created: ['jira:issue_created', 'issue_created'],
  issue_updated: ['jira:issue_updated', 'issue_generic'],
  issue_deleted: ['jira:issue_deleted', 'issue_deleted'],
} as const;

// Comment events carry the issue reduced to its identity and a few fields, as Jira sends them.
const REDUCED_FIELDS = ['summary,issuetype,project,assignee,priority,status'];

function matchesFilter(
  runtime: SandboxRuntime,
  registration: WebhookRegistration,
  issue: IssueRecord,
): boolean {
  if (registration.jqlFilter.trim() === '') return true;
  const admin = runtime.accounts.accounts[0] ?? null;
  try {
    return compileQuery(parseJql(registration.jqlFilter), evalContextFor(runtime, admin)).matches(
      issue,
    );
  } catch {
    // Jira refuses bad filters at registration; one that broke later (a deleted project) matches nothing.
    return false;
  }
}

/**
 * Builds Jira's webhook payloads: the issue in its v2 representation (wiki markup), the acting user
 * (the sandbox's main user; the sandbox does not track who made a change), and for updates a changelog.
 */
export function createPayloadBuilder(runtime: SandboxRuntime): PayloadBuilder {
  let changelogId = 50_000;
  return (event: StoreEvent, registration: WebhookRegistration) => {
    if (!matchesFilter(runtime, registration, event.issue)) return null;
    const admin = runtime.accounts.accounts[0] ?? null;
    const render = renderContextFor({ runtime, version: '2' }, admin);
    if ('comment' in event) {
      return {
        name: event.type,
        body: {
          timestamp: event.at,
          webhookEvent: event.type,
          comment: renderComment(render, event.issue, event.comment),
          issue: renderIssue(event.issue, render, {
            ...selectFields(REDUCED_FIELDS, '*all'),
            idOnly: false,
          }),
        },
      };
    }
    const [name, typeName] = ISSUE_EVENTS[event.type];
    const body: Record<string, unknown> = {
      timestamp: event.at,
      webhookEvent: name,
      issue_event_type_name: typeName,
      user: renderUserById(render, admin?.user.id ?? null),
      issue: renderIssue(event.issue, render, { ...selectFields([], '*all'), idOnly: false }),
    };
    if (event.type === 'issue_updated')
      body.changelog = {
        id: String(changelogId++),
        items: changeItems(event.before, event.issue, runtime.store),
      };
    return { name, body };
  };
}
