import { describe, expect, it } from 'vitest';
import { documentTerms, issueTerms, queryTerms, searchDocument } from './search-terms.ts';

describe('search terms', () => {
  it('folds case and accents and splits on everything but letters and digits', () => {
    expect(documentTerms('Überprüfung: PROJ-12 naïve_café, C++ 1.5 日本語 한국')).toBe(
      'uberprufung proj 12 naive cafe c 1 5 日本語 한국',
    );
  });

  it('folds compatibility forms to lower case too, in documents and queries alike', () => {
    // "ᴬ" and "Ⓑ" decompose to capitals: lower-casing first left them upper case (SQLite and
    // PostgreSQL then disagreed on a search for "ᴬ").
    expect(documentTerms('ᴬᴮ Ⓑig ﬁle İstanbul')).toBe('ab big file istanbul');
    expect(queryTerms('ᴬ')).toEqual(['a']);
  });

  it('keeps each word once and cuts very long ones the same way in documents and queries', () => {
    const long = 'x'.repeat(100);
    expect(documentTerms(`a b a ${long}`)).toBe(`a b ${'x'.repeat(64)}`);
    expect(queryTerms(`${long}y`)).toEqual(['x'.repeat(64)]);
  });

  it('bounds a document, so a huge issue cannot outgrow the index', () => {
    const words = Array.from({ length: 30_000 }, (_, i) => `word${i}`).join(' ');
    expect(documentTerms(words).length).toBeLessThanOrEqual(100_000);
  });

  it('reads a query as plain words, at most 32, whatever syntax it contains', () => {
    expect(queryTerms('"auth*" OR -login & (NEAR:x)')).toEqual([
      'auth',
      'or',
      'login',
      'near',
      'x',
    ]);
    expect(queryTerms('*"():')).toEqual([]);
    expect(queryTerms(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toHaveLength(32);
  });

  it('makes an issue document of key, summary, description, labels and comment bodies', () => {
    const terms = issueTerms(
      {
        key: 'WEB-7',
        summary: 'Broken export',
        labels_json: '["ux-debt"]',
        fields_json: JSON.stringify({ description: 'h3. Context\n*bold* claim' }),
      },
      [
        {
          data_json: JSON.stringify({
            body: { type: 'doc', version: 1, content: [{ type: 'text', text: 'Thanks' }] },
          }),
        },
        { data_json: '{"id":"3"}' },
      ],
    );
    expect(terms.split(' ')).toEqual([
      'web',
      '7',
      'broken',
      'export',
      'context',
      'bold',
      'claim',
      'ux',
      'debt',
      'thanks',
    ]);
  });

  it('makes the same document from a parsed issue as from its stored columns', () => {
    const fields = {
      description: {
        type: 'doc',
        version: 1,
        content: [{ type: 'text', text: 'Überprüfung nötig' }],
      },
      labels: ['ops'],
    };
    const comments = [{ id: '1', body: 'h1. Done *now*' }, { id: '2' }];
    const parsed = searchDocument({
      key: 'OPS-12',
      summary: 'Rotate keys',
      description: fields.description,
      labels: fields.labels,
      commentBodies: comments.map((comment) => comment.body ?? null),
    });
    const stored = issueTerms(
      {
        key: 'OPS-12',
        summary: 'Rotate keys',
        labels_json: JSON.stringify(fields.labels),
        fields_json: JSON.stringify(fields),
      },
      comments.map((comment) => ({ data_json: JSON.stringify(comment) })),
    );
    expect(parsed).toBe(stored);
    expect(parsed).toBe('ops 12 rotate keys uberprufung notig done now');
  });
});
