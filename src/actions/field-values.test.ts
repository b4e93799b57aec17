import { describe, expect, it } from 'vitest';
import type { CreateField } from '../shared/actions.ts';
import { toJiraFields } from './field-values.ts';

const field = (
  id: string,
  type: CreateField['type'],
  allowed: string[] | null = null,
): CreateField => ({
  id,
  name: id,
  required: false,
  type,
  allowedValues: allowed?.map((label, i) => ({ id: String(100 + i), label })) ?? null,
  hasDefaultValue: false,
  jiraType: null,
});

const SCREEN = [
  field('summary', 'string'),
  field('description', 'rich_text'),
  field('points', 'number'),
  field('due', 'date'),
  field('team', 'option', ['Platform', 'Payments']),
  field('labels', 'labels'),
  field('reviewers', 'users'),
  field('assignee', 'user'),
  field('parent', 'issue'),
];

describe('toJiraFields', () => {
  it("converts form values to Jira's representation, per deployment", () => {
    const input = {
      summary: 'S',
      description: 'Hello',
      points: '2.5',
      due: '2026-12-01',
      team: 'Payments',
      labels: 'a, b c',
      reviewers: 'u1,u2',
      assignee: 'u3',
      parent: 'OWL-1',
      blank: '',
      customfield_9: { value: 'as is' },
    };
    expect(toJiraFields(SCREEN, input, 'cloud')).toEqual({
      ok: true,
      fields: {
        summary: 'S',
        description: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }],
        },
        points: 2.5,
        due: '2026-12-01',
        team: { id: '101' },
        labels: ['a', 'b', 'c'],
        reviewers: [{ accountId: 'u1' }, { accountId: 'u2' }],
        assignee: { accountId: 'u3' },
        parent: { key: 'OWL-1' },
        customfield_9: { value: 'as is' },
      },
    });
    const dc = toJiraFields(SCREEN, { description: 'Hello', assignee: 'fred' }, 'datacenter');
    expect(dc).toEqual({ ok: true, fields: { description: 'Hello', assignee: { name: 'fred' } } });
  });

  it('names each value it cannot convert', () => {
    expect(
      toJiraFields(SCREEN, { points: 'many', due: '1/12/2026', team: 'Nobody' }, 'cloud'),
    ).toEqual({
      ok: false,
      errors: {
        points: 'Enter a number.',
        due: 'Enter a date as YYYY-MM-DD.',
        team: 'Choose one of: Platform, Payments.',
      },
    });
  });
});
