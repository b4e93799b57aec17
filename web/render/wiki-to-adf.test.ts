import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { renderAdf } from './adf-render.tsx';
import { wikiToAdf } from './wiki-to-adf.ts';

const html = (markup: string) => renderToStaticMarkup(renderAdf(wikiToAdf(markup)));

describe('wiki markup', () => {
  it('renders what the sandbox generates: h3., *strong*, * lists and {code:bash}', () => {
    expect(
      html(
        'h3. login page\n\nThis started after the last deployment. *audit log*\n\n* one\n* two\n\n{code:bash}\ncurl -s https://example.test/1\n{code}',
      ),
    ).toBe(
      '<h5>login page</h5>' +
        '<p>This started after the last deployment. <strong>audit log</strong></p>' +
        '<ul><li><p>one</p></li><li><p>two</p></li></ul>' +
        '<pre><code>curl -s https://example.test/1</code></pre>',
    );
  });

  it('closes each emphasis at its own end and leaves snake_case and code alone', () => {
    expect(html('*a* and *b*')).toBe('<p><strong>a</strong> and <strong>b</strong></p>');
    expect(html('_it_ -gone- +under+ x^2^ H~2~O ??cite??')).toBe(
      '<p><em>it</em> <s>gone</s> <u>under</u> x<sup>2</sup> H<sub>2</sub>O <em>cite</em></p>',
    );
    expect(html('file_name_here and well-known a - b - c')).toBe(
      '<p>file_name_here and well-known a - b - c</p>',
    );
    expect(html('{code}\nx_y_z * 2 *a*\n{code}')).toBe('<pre><code>x_y_z * 2 *a*</code></pre>');
    expect(html('{noformat}\n*not bold*\n{noformat}')).toBe('<pre><code>*not bold*</code></pre>');
    expect(html('use {{npm ci}} here')).toBe('<p>use <code>npm ci</code> here</p>');
  });

  it('renders headings, links, mentions, nested and ordered lists, tables, quotes, colour and panels', () => {
    expect(html('h1. Title')).toBe('<h3>Title</h3>');
    expect(html('see [the docs|https://example.com/d] or [https://example.com] [~ada]')).toBe(
      '<p>see <a href="https://example.com/d" target="_blank" rel="noopener noreferrer nofollow">the docs</a> or ' +
        '<a href="https://example.com/" target="_blank" rel="noopener noreferrer nofollow">https://example.com</a> ' +
        '<span class="rich-text__mention">@ada</span></p>',
    );
    expect(html('* a\n** b\n# c\n## d')).toBe(
      '<ul><li><p>a</p><ul><li><p>b</p></li></ul></li></ul><ol><li><p>c</p><ol><li><p>d</p></li></ol></li></ol>',
    );
    expect(html('||Head 1||Head 2||\n|[x|https://e.com/]|b|')).toBe(
      '<div class="rich-text__table"><table><tbody>' +
        '<tr><th><p>Head 1</p></th><th><p>Head 2</p></th></tr>' +
        '<tr><td><p><a href="https://e.com/" target="_blank" rel="noopener noreferrer nofollow">x</a></p></td><td><p>b</p></td></tr>' +
        '</tbody></table></div>',
    );
    expect(html('{quote}\nquoted *text*\n{quote}')).toBe(
      '<blockquote><p>quoted <strong>text</strong></p></blockquote>',
    );
    expect(html('bq. short quote')).toBe('<blockquote><p>short quote</p></blockquote>');
    expect(html('{color:red}warm{color}')).toBe('<p><span style="color:red">warm</span></p>');
    expect(html('{panel:title=Note}\ninside\n{panel}')).toBe(
      '<div role="note" class="rich-text__panel rich-text__panel--info"><p><strong>Note</strong></p><p>inside</p></div>',
    );
    expect(html('line one\nline two\\\\three\n----')).toBe(
      '<p>line one<br/>line two<br/>three</p><hr/>',
    );
    expect(html('nice (y) :)')).toBe('<p>nice 👍 🙂</p>');
  });

  it('escapes HTML and refuses javascript: links, event handlers and style injection', () => {
    const out = html(
      '<script>alert(1)</script>\n[click|javascript:alert(1)] [x|JaVaScRiPt:alert(1)] [data:text/html,x]\n' +
        '<img src=x onerror=alert(1)> {color:red;background:url(javascript:x)}c{color}\n!http://evil/x.png!',
    );
    expect(
      (out.match(/<[^>]*>/g) ?? []).filter((tag) => /script|<img|<a |href=|style=/i.test(tag)),
    ).toEqual([]);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('[image: http://evil/x.png]');
  });

  it('stays fast and bounded on hostile input: deep quotes, long lists, unmatched markers', () => {
    const deep = '{quote}\n'.repeat(2000) + 'bottom' + '\n{quote}'.repeat(2000);
    expect(html(deep)).toContain('bottom');
    const started = Date.now();
    html('*a '.repeat(20_000) + '[x'.repeat(20_000) + ' {{'.repeat(20_000));
    html(`${'*'.repeat(5000)} deep item`);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
