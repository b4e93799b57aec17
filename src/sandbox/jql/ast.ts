/** The parsed form of a JQL query. */

/** A single value as written: quoted or not matters (an unquoted number can be epoch ms). */
export interface ValueOperand {
  readonly type: 'value';
  readonly text: string;
  readonly quoted: boolean;
}

/** A function call such as `currentUser()` or `startOfDay(-1d)`. */
export interface FunctionOperand {
  readonly type: 'function';
  readonly name: string;
  readonly args: readonly string[];
}

/** The right-hand side of a clause. */
export type Operand =
  | ValueOperand
  | FunctionOperand
  | { readonly type: 'empty' }
  | { readonly type: 'list'; readonly items: readonly (ValueOperand | FunctionOperand)[] };

/** The comparison operators JQL supports here. */
export type Operator =
  '=' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

/** A boolean combination of terms. */
export type Clause =
  | { readonly type: 'and' | 'or'; readonly clauses: readonly Clause[] }
  | { readonly type: 'not'; readonly clause: Clause }
  | {
      readonly type: 'term';
      readonly field: string;
      readonly operator: Operator;
      readonly operand: Operand;
    };

/** One ORDER BY key. */
export interface SortKey {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

/** A whole query; `where` is null for an empty query or a bare ORDER BY. */
export interface Query {
  readonly where: Clause | null;
  readonly orderBy: readonly SortKey[];
}
