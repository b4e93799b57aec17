import { describe, expect, it } from 'vitest';
import { adfToText, richTextToText, wikiToText } from './issue-text.ts';

const text = (value: string, marks?: object[]) => ({ type: 'text', text: value, marks });
const paragraph = (...content: object[]) => ({ type: 'paragraph', content });

describe('adfToText', () => {
  it('keeps the words of every text node, one block a line', () => {
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [text('Login fails')] },
        paragraph(text('Users see '), text('error 500', [{ type: 'strong' }])),
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [paragraph(text('first'))] },
            { type: 'listItem', content: [paragraph(text('second'))] },
          ],
        },
        { type: 'codeBlock', attrs: { language: 'bash' }, content: [text('npm ci')] },
      ],
    };
    expect(adfToText(doc)).toBe('Login fails\nUsers see error 500\nfirst\nsecond\nnpm ci');
  });

  it('reads the words kept in attributes: mentions, status, emoji, cards, expand titles', () => {
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        paragraph(
          text('ask '),
          { type: 'mention', attrs: { id: 'abc', text: '@Jane Doe' } },
          text(' about '),
          { type: 'status', attrs: { text: 'BLOCKED', color: 'red' } },
          { type: 'hardBreak' },
          { type: 'inlineCard', attrs: { url: 'https://example.com/x' } },
          { type: 'emoji', attrs: { shortName: ':tada:' } },
        ),
        { type: 'expand', attrs: { title: 'Details' }, content: [paragraph(text('hidden'))] },
      ],
    };
    expect(adfToText(doc)).toBe(
      'ask @Jane Doe about BLOCKED\nhttps://example.com/x:tada:\nDetails\nhidden',
    );
  });

  it('ignores what is not ADF instead of failing', () => {
    expect(adfToText(null)).toBe('');
    expect(adfToText(42)).toBe('');
    expect(adfToText({ type: 'doc', content: 'oops' })).toBe('');
    expect(adfToText({ type: 'doc', content: [{ text: 'no type' }, paragraph(text('ok'))] })).toBe(
      'ok',
    );
  });
});

describe('wikiToText', () => {
  it('drops macros, prefixes, table bars and emphasis but keeps their words', () => {
    const markup = [
      'h3. Steps to reproduce',
      '* open the *login* page',
      '# type _any_ password',
      '{code:java}',
      'throw new AuthException();',
      '{code}',
      '||Browser||Result||',
      '|Firefox|{color:red}fails{color}|',
      'bq. quoted -struck- +under+ {{mono}}',
    ].join('\n');
    expect(wikiToText(markup)).toBe(
      [
        'Steps to reproduce',
        'open the login page',
        'type any password',
        '',
        'throw new AuthException();',
        '',
        'Browser Result',
        'Firefox fails',
        'quoted struck under mono',
      ].join('\n'),
    );
  });

  it('keeps link texts and targets, user mentions and image names', () => {
    expect(
      wikiToText('see [the docs|https://example.com/a] and [~jdoe], !screen.png|thumbnail!'),
    ).toBe('see the docs https://example.com/a and jdoe , screen.png');
  });
});

describe('richTextToText', () => {
  it('reads strings as wiki markup and objects as ADF', () => {
    expect(richTextToText('*bold*')).toBe('bold');
    expect(richTextToText({ type: 'doc', version: 1, content: [paragraph(text('adf'))] })).toBe(
      'adf',
    );
    expect(richTextToText(undefined)).toBe('');
  });
});
