import { describe, expect, it } from 'vitest';
import { displayFieldValue } from './field-value.ts';

describe('displayFieldValue', () => {
  it('names users, options, cascading options and lists of them', () => {
    expect(displayFieldValue({ displayName: 'Ada Owl', accountId: 'x' })).toEqual({
      kind: 'text',
      text: 'Ada Owl',
    });
    expect(displayFieldValue({ value: 'Platform', id: '1' })).toEqual({
      kind: 'text',
      text: 'Platform',
    });
    expect(displayFieldValue({ value: 'EU', child: { value: 'Berlin' } })).toEqual({
      kind: 'text',
      text: 'EU › Berlin',
    });
    expect(displayFieldValue([{ name: 'v1' }, { name: 'v2' }])).toEqual({
      kind: 'text',
      text: 'v1, v2',
    });
    expect(displayFieldValue(5)).toEqual({ kind: 'text', text: '5' });
  });

  it('hands ADF documents to the rich-text renderer and skips empty values', () => {
    const doc = { type: 'doc', version: 1, content: [] };
    expect(displayFieldValue(doc)).toEqual({ kind: 'rich', doc });
    for (const empty of [null, undefined, '', [], [null]])
      expect(displayFieldValue(empty)).toBeNull();
  });

  it('cuts long values', () => {
    const shown = displayFieldValue('x'.repeat(1000));
    expect(shown?.kind === 'text' ? shown.text.length : 0).toBe(301);
  });
});
