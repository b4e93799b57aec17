import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JqlError } from './errors.ts';
import { parseJql } from './parse.ts';

describe('parseJql', () => {
  it('parses comparisons, lists, boolean operators, parentheses and ORDER BY', () => {
    const query = parseJql(
      'project = OWL AND (status in ("To Do", Done) OR NOT assignee is EMPTY) ORDER BY updated DESC, key',
    );
    expect(query.orderBy).toEqual([
      { field: 'updated', direction: 'desc' },
      { field: 'key', direction: 'asc' },
    ]);
    expect(query.where).toMatchObject({
      type: 'and',
      clauses: [
        {
          type: 'term',
          field: 'project',
          operator: '=',
          operand: { type: 'value', text: 'OWL', quoted: false },
        },
        {
          type: 'or',
          clauses: [
            { type: 'term', field: 'status', operator: 'in', operand: { type: 'list' } },
            {
              type: 'not',
              clause: {
                type: 'term',
                field: 'assignee',
                operator: 'is',
                operand: { type: 'empty' },
              },
            },
          ],
        },
      ],
    });
  });

  it('reads not in, is not, ~, functions, cf[] fields and escapes', () => {
    const query = parseJql(
      `cf[10012] >= 3 and labels not in (a, b) and summary ~ "say \\"hi\\"" and assignee = currentUser() and resolution is not empty`,
    );
    expect(query.where).toMatchObject({
      clauses: [
        { field: 'cf[10012]', operator: '>=' },
        { field: 'labels', operator: 'not in' },
        { field: 'summary', operator: '~', operand: { text: 'say "hi"' } },
        { field: 'assignee', operand: { type: 'function', name: 'currentUser', args: [] } },
        { field: 'resolution', operator: 'is not' },
      ],
    });
  });

  it('accepts an empty query and a bare ORDER BY as unrestricted', () => {
    expect(parseJql('')).toEqual({ where: null, orderBy: [] });
    expect(parseJql('ORDER BY created')).toEqual({
      where: null,
      orderBy: [{ field: 'created', direction: 'asc' }],
    });
  });

  it.each([
    ['project = ', 'Expecting either a value, a list or a function before the end of the query.'],
    [
      'project OWL',
      "Expecting operator but got 'OWL'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.",
    ],
    ['(project = OWL', "Expecting ')' before the end of the query."],
    ['project = OWL foo', "Expecting either 'AND' or 'OR' but got 'foo'."],
    ['summary ~ "open', 'The quoted string has not been completed.'],
    ['project = #1', "The character '#' is a reserved JQL character."],
  ])('reports %s as Jira does', (jql, message) => {
    expect(() => parseJql(jql)).toThrow(JqlError);
    expect(() => parseJql(jql)).toThrow(message.replace(/ \(line.*$/, ''));
  });

  it('never fails with anything but a JqlError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        try {
          parseJql(input);
        } catch (error) {
          expect(error).toBeInstanceOf(JqlError);
        }
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});
