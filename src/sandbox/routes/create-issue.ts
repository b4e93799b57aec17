import { Hono } from 'hono';
import { z } from 'zod';
import { ISSUE_TYPES, PRIORITIES, STATUSES } from '../domain/catalog.ts';
import { createScreen, screenFieldId } from '../domain/create-screens.ts';
import type { CustomValues, DocBlock } from '../domain/model.ts';
import type { SandboxStore } from '../domain/store.ts';
import { canBrowse, requireWriter } from '../http/authenticate.ts';
import type { SandboxEnv } from '../http/env.ts';
import { jiraError, readBody } from '../http/respond.ts';
import { restUrl } from '../render/context.ts';
import { emptyCustomValues, readCustomField } from './custom-input.ts';
import { NOT_ADF, readRichText } from './rich-text.ts';
import { renderContextFor, type ApiScope } from './route-context.ts';

const Ref = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  key: z.string().optional(),
  name: z.string().optional(),
  accountId: z.string().optional(),
});
type RefValue = z.infer<typeof Ref>;

const CreateBody = z.looseObject({
  fields: z.record(z.string(), z.unknown()),
  update: z.unknown().optional(),
});

function ref(value: unknown): RefValue | null {
  const parsed = Ref.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Checks the create screen's custom fields and refuses fields the screen does not show, as Jira does. */
function readScreenFields(
  store: SandboxStore,
  issueTypeId: string,
  fields: Record<string, unknown>,
  custom: CustomValues,
  errors: Record<string, string>,
): void {
  const screen = createScreen(issueTypeId);
  const onScreen = new Set(screen.map(screenFieldId));
  for (const id of Object.keys(fields)) {
    if (!onScreen.has(id))
      errors[id] = `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
  }
  for (const field of screen) {
    if (field.kind !== 'custom') continue;
    const message = readCustomField(store, field.def, fields[field.def.id], field.required, custom);
    if (message !== null) errors[field.def.id] = message;
  }
}

function matches(wanted: RefValue | null, id: string, name: string): boolean {
  return (
    wanted !== null &&
    (String(wanted.id) === id || wanted.name?.toLowerCase() === name.toLowerCase())
  );
}

/** POST `/issue`: validates fields against the create screen as Jira does (messages in `errors`, keyed by field) and answers 201 `{id, key, self}`. */
export function createIssueRoute(scope: ApiScope): Hono<SandboxEnv> {
  const { runtime, version } = scope;
  const app = new Hono<SandboxEnv>();
  app.post('/issue', async (c) => {
    const account = requireWriter(c);
    if (account instanceof Response) return account;
    const body = await readBody(c, CreateBody);
    if (body instanceof Response) return body;
    const { fields } = body;
    const errors: Record<string, string> = {};
    const projectRef = ref(fields.project);
    const project =
      projectRef === null
        ? undefined
        : runtime.store.findProject(String(projectRef.key ?? projectRef.id ?? ''));
    if (project === undefined || !canBrowse(runtime, account, project.id))
      errors.project = 'Specify a valid project ID or key';
    const typeRef = ref(fields.issuetype);
    const issueType = ISSUE_TYPES.find((t) => matches(typeRef, t.id, t.name));
    if (issueType === undefined) errors.issuetype = 'Specify an issue type';
    const summary = typeof fields.summary === 'string' ? fields.summary.trim() : '';
    if (summary === '') errors.summary = 'You must specify a summary of the issue.';
    let description: DocBlock[] | null = null;
    if (fields.description !== undefined && fields.description !== null) {
      description = readRichText(version, fields.description);
      if (description === null)
        errors.description = version === '3' ? NOT_ADF : 'Operation value must be a string';
    }
    const priorityRef = fields.priority === undefined ? null : ref(fields.priority);
    const priority =
      priorityRef === null
        ? PRIORITIES[2]
        : PRIORITIES.find((p) => matches(priorityRef, p.id, p.name));
    if (priority === undefined) errors.priority = 'Specify a valid priority';
    const assigneeRef =
      fields.assignee === undefined || fields.assignee === null ? null : ref(fields.assignee);
    const assignee =
      assigneeRef === null
        ? null
        : runtime.store.users.find(
            (u) => u.id === assigneeRef.accountId || u.name === assigneeRef.name,
          );
    if (assignee === undefined)
      errors.assignee = `User '${assigneeRef?.accountId ?? assigneeRef?.name ?? ''}' does not exist.`;
    const parentRef = fields.parent === undefined ? null : ref(fields.parent);
    const parent =
      parentRef === null
        ? null
        : runtime.store.findIssue(String(parentRef.key ?? parentRef.id ?? ''));
    if (issueType?.subtask === true && (parent === null || parent === undefined))
      errors.parent = 'Given parent issue does not belong to appropriate hierarchy.';
    const labels = Array.isArray(fields.labels)
      ? fields.labels.filter((l): l is string => typeof l === 'string')
      : [];
    const custom = emptyCustomValues();
    if (issueType !== undefined)
      readScreenFields(runtime.store, issueType.id, fields, custom, errors);
    if (
      project === undefined ||
      issueType === undefined ||
      priority === undefined ||
      assignee === undefined ||
      Object.keys(errors).length > 0
    ) {
      return jiraError(c, 400, [], errors);
    }
    const now = runtime.now();
    const status = STATUSES[0];
    const issue = runtime.store.createIssue(
      project,
      {
        issueTypeId: issueType.id,
        statusId: status?.id ?? '10000',
        priorityId: priority.id,
        summary,
        description,
        assigneeId: assignee?.id ?? null,
        reporterId: account.user.id,
        creatorId: account.user.id,
        created: now,
        updated: now,
        statusChanged: now,
        resolved: null,
        labels,
        parentId: parent?.id ?? null,
        custom,
      },
      now,
    );
    const render = renderContextFor(scope, account);
    return c.json(
      { id: String(issue.id), key: issue.key, self: restUrl(render, `issue/${issue.id}`) },
      201,
    );
  });
  return app;
}
