import type { IssueRecord } from '../domain/model.ts';
import type { EvalContext } from './context.ts';
import { unknownValue, unsupportedOperator } from './errors.ts';
import type { FieldSpec } from './field-kinds.ts';
import { resolveIssue } from './resolve.ts';

function keyNumber(issue: IssueRecord): number {
  return Number(issue.key.slice(issue.key.lastIndexOf('-') + 1));
}

function sortKey(ctx: EvalContext) {
  return (issue: IssueRecord): string => {
    const project = ctx.store.projectById(issue.projectId)?.key ?? '';
    return `${project}\u0000${String(keyNumber(issue)).padStart(10, '0')}`;
  };
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** `key`, `issuekey`, `issue` and `id`: equality by key (old keys included) or id; `<`/`>` within a project by number, or by id. */
export function keyField(name: string): FieldSpec {
  const resolve = resolveIssue(name);
  return {
    name,
    compile(operator, operand, ctx) {
      if (operand.type === 'empty') {
        if (operator === 'is') return () => false;
        if (operator === 'is not') return () => true;
        throw unsupportedOperator(operator, name);
      }
      const values = operand.type === 'list' ? operand.items : [operand];
      const ids = new Set(values.flatMap((v) => resolve(v, ctx)));
      if (operator === '=' || operator === 'in') return (issue) => ids.has(issue.id);
      if (operator === '!=' || operator === 'not in') return (issue) => !ids.has(issue.id);
      const compare = COMPARE[operator];
      const first = values[0];
      if (compare === undefined || first === undefined || first.type !== 'value')
        throw unsupportedOperator(operator, name);
      if (/^\d+$/.test(first.text)) {
        const bound = Number(first.text);
        return (issue) => compare(issue.id, bound);
      }
      const anchor = ctx.store.findIssue(first.text);
      if (anchor === undefined) throw unknownValue(first.text, name);
      const bound = Number(first.text.slice(first.text.lastIndexOf('-') + 1));
      return (issue) => issue.projectId === anchor.projectId && compare(keyNumber(issue), bound);
    },
    sort: (ctx) => (name === 'id' ? (issue) => issue.id : sortKey(ctx)),
  };
}
