import type { IssueRecord } from '../domain/model.ts';
import type { FunctionOperand, Operand, Operator, ValueOperand } from './ast.ts';
import type { EvalContext, Predicate, SortValue } from './context.ts';
import { evaluateDateFunction, parseDateValue } from './dates.ts';
import { JqlError, unsupportedOperator } from './errors.ts';
import { textMatches } from './text-match.ts';

/** How one JQL field is searched and sorted. */
export interface FieldSpec {
  readonly name: string;
  readonly compile: (operator: Operator, operand: Operand, ctx: EvalContext) => Predicate;
  readonly sort?: (ctx: EvalContext) => (issue: IssueRecord) => SortValue;
}

type Single = ValueOperand | FunctionOperand;

function singles(operand: Operand): readonly Single[] {
  if (operand.type === 'list') return operand.items;
  if (operand.type === 'empty') return [];
  return [operand];
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

function emptiness(
  operator: Operator,
  name: string,
  isEmpty: (issue: IssueRecord) => boolean,
): Predicate {
  if (operator === 'is') return isEmpty;
  if (operator === 'is not') return (issue) => !isEmpty(issue);
  throw unsupportedOperator(operator, name);
}

/** A field holding ids (status, project, user…): `=`, `!=`, `in`, `not in`, `is EMPTY`, and order if given. */
export function valueField(options: {
  readonly name: string;
  readonly get: (issue: IssueRecord) => string | number | null;
  readonly resolve: (value: Single, ctx: EvalContext) => readonly (string | number)[];
  readonly rank?: (value: string | number) => number;
  readonly sort?: FieldSpec['sort'];
}): FieldSpec {
  const { name, get, resolve, rank } = options;
  const compile = (operator: Operator, operand: Operand, ctx: EvalContext): Predicate => {
    if (operand.type === 'empty') return emptiness(operator, name, (issue) => get(issue) === null);
    const accepted = new Set(singles(operand).flatMap((value) => resolve(value, ctx)));
    const compare = COMPARE[operator];
    if (operator === '=' || operator === 'in')
      return (issue) => accepted.has(get(issue) ?? '\u0000');
    if (operator === '!=' || operator === 'not in')
      return (issue) => {
        const v = get(issue);
        return v !== null && !accepted.has(v);
      };
    if (compare !== undefined && rank !== undefined) {
      const bounds = [...accepted].map(rank);
      return (issue) => {
        const v = get(issue);
        return v !== null && bounds.some((b) => compare(rank(v), b));
      };
    }
    throw unsupportedOperator(operator, name);
  };
  return options.sort === undefined ? { name, compile } : { name, compile, sort: options.sort };
}

/** A field holding several values (labels, multi-user): `=` means "contains". */
export function multiValueField(options: {
  readonly name: string;
  readonly get: (issue: IssueRecord) => readonly string[];
  readonly resolve: (value: Single, ctx: EvalContext) => readonly string[];
}): FieldSpec {
  const { name, get, resolve } = options;
  return {
    name,
    compile(operator, operand, ctx) {
      if (operand.type === 'empty')
        return emptiness(operator, name, (issue) => get(issue).length === 0);
      const accepted = new Set(singles(operand).flatMap((value) => resolve(value, ctx)));
      const contains = (issue: IssueRecord): boolean => get(issue).some((v) => accepted.has(v));
      if (operator === '=' || operator === 'in') return contains;
      if (operator === '!=' || operator === 'not in')
        return (issue) => get(issue).length > 0 && !contains(issue);
      throw unsupportedOperator(operator, name);
    },
  };
}

function numericField(
  name: string,
  get: (issue: IssueRecord) => number | null,
  read: (value: Single, ctx: EvalContext) => number,
): FieldSpec {
  return {
    name,
    compile(operator, operand, ctx) {
      if (operand.type === 'empty')
        return emptiness(operator, name, (issue) => get(issue) === null);
      const values = singles(operand).map((value) => read(value, ctx));
      const compare = COMPARE[operator];
      const first = values[0] ?? 0;
      if (operator === '=' || operator === 'in')
        return (issue) => values.includes(get(issue) ?? NaN);
      if (operator === '!=' || operator === 'not in')
        return (issue) => {
          const v = get(issue);
          return v !== null && !values.includes(v);
        };
      if (compare !== undefined)
        return (issue) => {
          const v = get(issue);
          return v !== null && compare(v, first);
        };
      throw unsupportedOperator(operator, name);
    },
    sort: () => get,
  };
}

/** A date-time field; literals are read in the user's zone (see dates.ts). */
export function dateField(name: string, get: (issue: IssueRecord) => number | null): FieldSpec {
  return numericField(name, get, (value, ctx) =>
    value.type === 'function'
      ? evaluateDateFunction(value, ctx.timeZone, ctx.now)
      : parseDateValue(value, name, ctx.timeZone, ctx.now),
  );
}

/** A number field. */
export function numberField(name: string, get: (issue: IssueRecord) => number | null): FieldSpec {
  return numericField(name, get, (value) => {
    const number = value.type === 'value' ? Number(value.text) : NaN;
    if (Number.isNaN(number))
      throw new JqlError(
        `The value '${value.type === 'value' ? value.text : value.name}' is not a valid number for field '${name}'.`,
      );
    return number;
  });
}

/** A text field: only `~`, `!~` and `is EMPTY`, as in Jira. */
export function textField(
  name: string,
  get: (issue: IssueRecord, ctx: EvalContext) => string,
  sortable: boolean,
): FieldSpec {
  const spec: FieldSpec = {
    name,
    compile(operator, operand, ctx) {
      if (operand.type === 'empty')
        return emptiness(operator, name, (issue) => get(issue, ctx) === '');
      const query = operand.type === 'value' ? operand.text : '';
      if (operator === '~') return (issue) => textMatches(get(issue, ctx), query);
      if (operator === '!~') return (issue) => !textMatches(get(issue, ctx), query);
      throw unsupportedOperator(operator, name);
    },
  };
  return sortable ? { ...spec, sort: (ctx) => (issue) => get(issue, ctx).toLowerCase() } : spec;
}
