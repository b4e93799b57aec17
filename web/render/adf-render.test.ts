import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { renderAdf } from './adf-render.tsx';

const html = (doc: unknown) => renderToStaticMarkup(renderAdf(doc));
const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
const text = (value: string, ...marks: unknown[]) =>
  marks.length === 0 ? { type: 'text', text: value } : { type: 'text', text: value, marks };
// Only the markup itself: escaped text may mention <script> as much as it likes.
const tags = (out: string) => out.match(/<[^>]*>/g) ?? [];
const para = (...content: unknown[]) => ({ type: 'paragraph', content });

describe('renderAdf', () => {
  it('renders what the sandbox generates: heading, paragraph with strong, bullet list, code block', () => {
    const out = html(
      doc(
        { type: 'heading', attrs: { level: 3 }, content: [text('login page')] },
        para(
          text('Steps to reproduce are in the attached log. '),
          text('audit log', { type: 'strong' }),
        ),
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [para(text('one'))] }],
        },
        {
          type: 'codeBlock',
          attrs: { language: 'bash' },
          content: [text('curl -s https://x.test/1')],
        },
      ),
    );
    expect(out).toBe(
      '<h5>login page</h5>' +
        '<p>Steps to reproduce are in the attached log. <strong>audit log</strong></p>' +
        '<ul><li><p>one</p></li></ul>' +
        '<pre><code>curl -s https://x.test/1</code></pre>',
    );
  });

  it('renders marks, ordered lists, rules, breaks, mentions, emoji, panels and tables', () => {
    const out = html(
      doc(
        para(
          text('b', { type: 'strong' }),
          text('i', { type: 'em' }),
          text('s', { type: 'strike' }),
          text('c', { type: 'code' }),
          { type: 'hardBreak' },
          text('site', { type: 'link', attrs: { href: 'https://example.com/a?b=1' } }),
          { type: 'mention', attrs: { id: '5b10', text: '@Ada Owl' } },
          { type: 'emoji', attrs: { shortName: ':smile:', text: '😄' } },
        ),
        {
          type: 'orderedList',
          attrs: { order: 3 },
          content: [{ type: 'listItem', content: [para(text('x'))] }],
        },
        { type: 'rule' },
        { type: 'panel', attrs: { panelType: 'warning' }, content: [para(text('careful'))] },
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [{ type: 'tableHeader', content: [para(text('H'))] }] },
            {
              type: 'tableRow',
              content: [{ type: 'tableCell', attrs: { colspan: 2 }, content: [para(text('C'))] }],
            },
          ],
        },
      ),
    );
    expect(out).toContain('<strong>b</strong><em>i</em><s>s</s><code>c</code><br/>');
    expect(out).toContain(
      '<a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer nofollow">site</a>',
    );
    expect(out).toContain('<span class="rich-text__mention">@Ada Owl</span>😄');
    expect(out).toContain('<ol start="3"><li><p>x</p></li></ol><hr/>');
    expect(out).toContain(
      '<div role="note" class="rich-text__panel rich-text__panel--warning"><p>careful</p></div>',
    );
    expect(out).toContain('<tr><th><p>H</p></th></tr><tr><td colSpan="2"><p>C</p></td></tr>');
  });

  it('escapes text and never renders script, event handlers or javascript: links', () => {
    const out = html(
      doc(
        para(text('<script>alert(1)</script><img src=x onerror=alert(1)>')),
        para(text('js', { type: 'link', attrs: { href: 'javascript:alert(1)' } })),
        para(text('js2', { type: 'link', attrs: { href: ' java\nscript:alert(1)' } })),
        para(
          text('data', {
            type: 'link',
            attrs: { href: 'data:text/html,<script>alert(1)</script>' },
          }),
        ),
        { type: 'inlineCard', attrs: { url: 'vbscript:msgbox(1)' } },
        para(text('red', { type: 'textColor', attrs: { color: 'red;background:url(x)' } })),
        { type: 'paragraph', attrs: { onclick: 'alert(1)' }, content: [text('attrs ignored')] },
        { type: 'panel', attrs: { panelType: '" onmouseover="alert(1)' }, content: [] },
      ),
    );
    expect(tags(out).filter((tag) => /script|<img|data:|\son\w+=|style=/i.test(tag))).toEqual([]);
    expect(out).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;',
    );
    expect(out).toContain('<p>js</p><p>js2</p><p>data</p>');
    expect(out).toContain('rich-text__panel--info');
  });

  it('survives huge nesting by showing the deep part as text', () => {
    let node: unknown = text('deep down');
    for (let i = 0; i < 50_000; i++) node = { type: 'blockquote', content: [node] };
    const out = html(doc(node));
    expect(out).toContain('deep down');
    expect(out.match(/<blockquote>/g)?.length).toBeLessThan(30);
  });

  it('ignores what is not a node and keeps the text of node types it does not know', () => {
    expect(html(null)).toBe('');
    expect(html('a string')).toBe('');
    expect(html(doc(42, { nope: true }, { type: 'futureNode', content: [text('kept')] }))).toBe(
      'kept',
    );
  });
});
