import { describe, expect, it } from 'vitest';
import type { CreateField } from '../src/shared/actions.ts';
import { fieldsToSend, missingRequired } from './create-form.ts';

const field = (
  id: string,
  type: CreateField['type'],
  required: boolean,
  hasDefaultValue = false,
): CreateField => ({
  id,
  name: id.toUpperCase(),
  required,
  type,
  allowedValues: null,
  hasDefaultValue,
  jiraType: null,
});

const FIELDS = [
  field('summary', 'string', true),
  field('priority', 'option', true, true),
  field('points', 'number', true),
  field('tags', 'options', false),
];

describe('create form values', () => {
  it('asks for required fields without a default, blank text counting as missing', () => {
    expect(missingRequired(FIELDS, { summary: '  ', tags: [] })).toEqual({
      summary: 'SUMMARY is required.',
      points: 'POINTS is required.',
    });
    expect(missingRequired(FIELDS, { summary: 'S', points: '3' })).toEqual({});
  });

  it('sends filled values only, numbers as numbers', () => {
    expect(fieldsToSend(FIELDS, { summary: 'S', points: '2.5', tags: [], priority: '' })).toEqual({
      summary: 'S',
      points: 2.5,
    });
  });
});
