import type { IssueRecord } from '../domain/model.ts';
import type { Clause, Query } from './ast.ts';
import type { EvalContext, Predicate, SortValue } from './context.ts';
import { JqlError, unknownField } from './errors.ts';
import { findField } from './fields.ts';

/** A query ready to run: which issues match and in what order. */
export interface CompiledQuery {
  readonly matches: Predicate;
  /** Orders matching issues as ORDER BY says; without it, newest (highest id) first. */
  readonly sort: (issues: readonly IssueRecord[]) => IssueRecord[];
  /** False for a query without any restricting clause (Cloud's /search/jql refuses those). */
  readonly bounded: boolean;
}

function compileClause(clause: Clause, ctx: EvalContext): Predicate {
  switch (clause.type) {
    case 'and': {
      const parts = clause.clauses.map((c) => compileClause(c, ctx));
      return (issue) => parts.every((p) => p(issue));
    }
    case 'or': {
      const parts = clause.clauses.map((c) => compileClause(c, ctx));
      return (issue) => parts.some((p) => p(issue));
    }
    case 'not': {
      const inner = compileClause(clause.clause, ctx);
      return (issue) => !inner(issue);
    }
    case 'term': {
      const field = findField(clause.field);
      if (field === undefined) throw unknownField(clause.field);
      return field.compile(clause.operator, clause.operand, ctx);
    }
  }
}

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

interface OrderKey {
  readonly value: (issue: IssueRecord) => SortValue;
  readonly sign: number;
}

function compileOrder(query: Query, ctx: EvalContext): readonly OrderKey[] {
  return query.orderBy.map((key) => {
    const field = findField(key.field);
    if (field === undefined) throw unknownField(key.field);
    if (field.sort === undefined)
      throw new JqlError(`Field '${key.field}' does not support sorting.`);
    return { value: field.sort(ctx), sign: key.direction === 'desc' ? -1 : 1 };
  });
}

/** Sorts issues by the keys, computing each issue's sort values once (key sorts build strings). */
function sortIssues(issues: readonly IssueRecord[], keys: readonly OrderKey[]): IssueRecord[] {
  if (keys.length === 0) return [...issues].sort((a, b) => b.id - a.id);
  const decorated = issues.map((issue) => ({ issue, values: keys.map((key) => key.value(issue)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const order = compareValues(a.values[i] ?? null, b.values[i] ?? null);
      if (order !== 0) return order * (keys[i]?.sign ?? 1);
    }
    // Ties break by id so that offset paging is stable.
    return a.issue.id - b.issue.id;
  });
  return decorated.map((entry) => entry.issue);
}

/** Compiles a parsed query against the searching user's context; issues the user cannot browse never match. */
export function compileQuery(query: Query, ctx: EvalContext): CompiledQuery {
  const where = query.where === null ? () => true : compileClause(query.where, ctx);
  const order = compileOrder(query, ctx);
  return {
    matches: (issue) => ctx.canBrowse(issue.projectId) && where(issue),
    sort: (issues) => sortIssues(issues, order),
    bounded: query.where !== null,
  };
}
