import type { IssueRecord } from '../data/model.ts';
import type { Clause, Query } from './ast.ts';
import type { EvalContext, Predicate, SortValue } from './context.ts';
import { JqlError, unknownField } from './errors.ts';
import { findField } from './fields.ts';

/** A query ready to run: which issues match and in what order. */
export interface CompiledQuery {
  readonly matches: Predicate;
  readonly compare: (a: IssueRecord, b: IssueRecord) => number;
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

function compileOrder(query: Query, ctx: EvalContext): (a: IssueRecord, b: IssueRecord) => number {
  const keys = query.orderBy.map((key) => {
    const field = findField(key.field);
    if (field === undefined) throw unknownField(key.field);
    if (field.sort === undefined)
      throw new JqlError(`Field '${key.field}' does not support sorting.`);
    return { value: field.sort(ctx), sign: key.direction === 'desc' ? -1 : 1 };
  });
  if (keys.length === 0) return (a, b) => b.id - a.id;
  return (a, b) => {
    for (const key of keys) {
      const order = compareValues(key.value(a), key.value(b));
      if (order !== 0) return order * key.sign;
    }
    // Ties break by id so that offset paging is stable.
    return a.id - b.id;
  };
}

/** Compiles a parsed query against the searching user's context; issues the user cannot browse never match. */
export function compileQuery(query: Query, ctx: EvalContext): CompiledQuery {
  const where = query.where === null ? () => true : compileClause(query.where, ctx);
  return {
    matches: (issue) => ctx.canBrowse(issue.projectId) && where(issue),
    compare: compileOrder(query, ctx),
    bounded: query.where !== null,
  };
}
