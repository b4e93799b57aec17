import {
  ISSUE_TYPES,
  PRIORITIES,
  STATUSES,
  STATUS_CATEGORIES,
  TEAM_OPTIONS,
} from '../domain/catalog.ts';
import type { FunctionOperand, ValueOperand } from './ast.ts';
import type { EvalContext } from './context.ts';
import { JqlError, unknownValue } from './errors.ts';

type Single = ValueOperand | FunctionOperand;

function text(value: Single, field: string): string {
  if (value.type === 'function')
    throw new JqlError(
      `Unable to find JQL function '${value.name}(${value.args.join(', ')})' for field '${field}'.`,
    );
  return value.text;
}

function byNameOrId(
  items: readonly { readonly id: string | number; readonly name: string }[],
  field: string,
) {
  return (value: Single): readonly (string | number)[] => {
    const wanted = text(value, field).toLowerCase();
    const found = items.filter(
      (item) => item.name.toLowerCase() === wanted || String(item.id) === wanted,
    );
    if (found.length === 0) throw unknownValue(text(value, field), field);
    return found.map((item) => item.id);
  };
}

/** Resolves a project key, name or id among the projects the user can browse. */
export function resolveProject(value: Single, ctx: EvalContext): readonly number[] {
  const wanted = text(value, 'project').toLowerCase();
  const found = ctx.store.projects.filter(
    (p) =>
      ctx.canBrowse(p.id) &&
      (p.key.toLowerCase() === wanted ||
        p.name.toLowerCase() === wanted ||
        String(p.id) === wanted),
  );
  if (found.length === 0) throw unknownValue(text(value, 'project'), 'project');
  return found.map((p) => p.id);
}

/** Resolves `currentUser()`, an accountId/key, username, email or display name. */
export function resolveUser(field: string) {
  return (value: Single, ctx: EvalContext): readonly string[] => {
    if (value.type === 'function') {
      if (value.name.toLowerCase() !== 'currentuser') text(value, field);
      return ctx.currentUserId === null ? [] : [ctx.currentUserId];
    }
    const wanted = value.text.toLowerCase();
    const found = ctx.store.users.filter(
      (u) =>
        u.id.toLowerCase() === wanted ||
        u.name === wanted ||
        u.email === wanted ||
        u.displayName.toLowerCase() === wanted,
    );
    if (found.length === 0) throw unknownValue(value.text, field);
    return found.map((u) => u.id);
  };
}

/** Resolvers for the fixed configuration fields. */
export const resolveStatus = byNameOrId(STATUSES, 'status');
/** Resolves a status category by name, key or id. */
export const resolveCategory = byNameOrId(
  STATUS_CATEGORIES.flatMap((c) => [c, { id: c.id, name: c.key }]),
  'statusCategory',
);
/** Resolves an issue type by name or id. */
export const resolveIssueType = byNameOrId(ISSUE_TYPES, 'issuetype');
/** Resolves a priority by name or id. */
export const resolvePriority = byNameOrId(PRIORITIES, 'priority');
/** Resolves an option of the "Team" select field. */
export const resolveTeam = byNameOrId(
  TEAM_OPTIONS.map((o) => ({ id: o.id, name: o.value })),
  'Team',
);

/** Resolves a literal as itself (labels). */
export function resolveLiteral(field: string) {
  return (value: Single): readonly string[] => [text(value, field)];
}

/** Resolves an issue key or id to issue ids; an unknown key is an error, as in Jira. */
export function resolveIssue(field: string) {
  return (value: Single, ctx: EvalContext): readonly number[] => {
    const wanted = text(value, field);
    const issue = ctx.store.findIssue(wanted);
    if (issue !== undefined && ctx.canBrowse(issue.projectId)) return [issue.id];
    if (/^\d+$/.test(wanted)) return [];
    throw new JqlError(`An issue with key '${wanted}' does not exist for field '${field}'.`);
  };
}
