import type {
  Clause,
  FunctionOperand,
  Operand,
  Operator,
  Query,
  SortKey,
  ValueOperand,
} from './ast.ts';
import { syntaxError } from './errors.ts';
import { tokenize, type Token } from './tokenize.ts';

const VALID_OPERATORS =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

const SYMBOL_OPERATORS = new Map<string, Operator>(
  (['=', '!=', '<', '<=', '>', '>=', '~', '!~'] as const).map((op) => [op, op]),
);

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly length: number,
  ) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  private isKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.kind === 'word' && token.text.toLowerCase() === word;
  }

  private isPunct(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'punct' && token.text === text;
  }

  private fail(expected: string): never {
    const token = this.peek();
    if (token === undefined)
      throw syntaxError(`Expecting ${expected} before the end of the query.`, this.length);
    throw syntaxError(`Expecting ${expected} but got '${token.text}'.`, token.offset);
  }

  parseQuery(): Query {
    let where: Clause | null = null;
    if (this.peek() !== undefined && !this.isKeyword('order')) where = this.parseOr();
    const orderBy = this.isKeyword('order') ? this.parseOrderBy() : [];
    if (this.peek() !== undefined)
      this.fail(orderBy.length > 0 ? "either ',' or the end of the query" : "either 'AND' or 'OR'");
    return { where, orderBy };
  }

  private parseOr(): Clause {
    const clauses = [this.parseAnd()];
    while (this.isKeyword('or') || this.peek()?.text === '||') {
      this.index++;
      clauses.push(this.parseAnd());
    }
    return clauses.length === 1 && clauses[0] !== undefined ? clauses[0] : { type: 'or', clauses };
  }

  private parseAnd(): Clause {
    const clauses = [this.parseNot()];
    while (this.isKeyword('and') || this.peek()?.text === '&&') {
      this.index++;
      clauses.push(this.parseNot());
    }
    return clauses.length === 1 && clauses[0] !== undefined ? clauses[0] : { type: 'and', clauses };
  }

  private parseNot(): Clause {
    if (this.isKeyword('not') || (this.peek()?.kind === 'op' && this.peek()?.text === '!')) {
      this.index++;
      return { type: 'not', clause: this.parseNot() };
    }
    if (this.isPunct('(')) {
      this.index++;
      const inner = this.parseOr();
      if (!this.isPunct(')')) this.fail("')'");
      this.index++;
      return inner;
    }
    return this.parseTerm();
  }

  private parseTerm(): Clause {
    const token = this.peek();
    if (token === undefined || (token.kind !== 'word' && token.kind !== 'string'))
      this.fail('a field name');
    this.index++;
    const operator = this.parseOperator();
    return { type: 'term', field: token.text, operator, operand: this.parseOperand(operator) };
  }

  private parseOperator(): Operator {
    const token = this.peek();
    const symbol = token?.kind === 'op' ? SYMBOL_OPERATORS.get(token.text) : undefined;
    if (symbol !== undefined) {
      this.index++;
      return symbol;
    }
    if (this.isKeyword('in')) {
      this.index++;
      return 'in';
    }
    if (this.isKeyword('not') && this.isKeyword('in', 1)) {
      this.index += 2;
      return 'not in';
    }
    if (this.isKeyword('is')) {
      this.index++;
      if (!this.isKeyword('not')) return 'is';
      this.index++;
      return 'is not';
    }
    if (token === undefined) return this.fail('operator');
    throw syntaxError(
      `Expecting operator but got '${token.text}'. ${VALID_OPERATORS}`,
      token.offset,
    );
  }

  private parseOperand(operator: Operator): Operand {
    if (this.isKeyword('empty') || this.isKeyword('null')) {
      this.index++;
      return { type: 'empty' };
    }
    if (operator === 'is' || operator === 'is not') return this.fail("'EMPTY' or 'NULL'");
    if (operator === 'in' || operator === 'not in') return this.parseList();
    return this.parseSingle();
  }

  private parseList(): Operand {
    if (!this.isPunct('(')) this.fail("'('");
    this.index++;
    const items: (ValueOperand | FunctionOperand)[] = [];
    while (!this.isPunct(')')) {
      if (items.length > 0) {
        if (!this.isPunct(',')) this.fail("',' or ')'");
        this.index++;
      }
      if (this.isKeyword('empty') || this.isKeyword('null')) this.fail('a value');
      items.push(this.parseSingle());
    }
    this.index++;
    return { type: 'list', items };
  }

  private parseSingle(): ValueOperand | FunctionOperand {
    const token = this.peek();
    if (token === undefined || (token.kind !== 'word' && token.kind !== 'string'))
      return this.fail('either a value, a list or a function');
    this.index++;
    if (token.kind === 'word' && this.isPunct('(')) return this.parseFunction(token.text);
    return { type: 'value', text: token.text, quoted: token.kind === 'string' };
  }

  private parseFunction(name: string): FunctionOperand {
    this.index++;
    const args: string[] = [];
    while (!this.isPunct(')')) {
      if (args.length > 0) {
        if (!this.isPunct(',')) this.fail("',' or ')'");
        this.index++;
      }
      const arg = this.peek();
      if (arg === undefined || (arg.kind !== 'word' && arg.kind !== 'string'))
        return this.fail('a function argument');
      args.push(arg.text);
      this.index++;
    }
    this.index++;
    return { type: 'function', name, args };
  }

  private parseOrderBy(): SortKey[] {
    this.index++;
    if (!this.isKeyword('by')) this.fail("'by'");
    this.index++;
    const keys: SortKey[] = [];
    do {
      if (keys.length > 0) this.index++;
      const token = this.peek();
      if (token === undefined || (token.kind !== 'word' && token.kind !== 'string'))
        this.fail('a field name');
      this.index++;
      let direction: 'asc' | 'desc' = 'asc';
      if (this.isKeyword('asc') || this.isKeyword('desc')) {
        direction = this.isKeyword('asc') ? 'asc' : 'desc';
        this.index++;
      }
      keys.push({ field: token.text, direction });
    } while (this.isPunct(','));
    return keys;
  }
}

/** Parses JQL into a query, throwing a JqlError worded as Jira words it. */
export function parseJql(input: string): Query {
  return new Parser(tokenize(input), input.length).parseQuery();
}
