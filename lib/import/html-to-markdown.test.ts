import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from './html-to-markdown';

const md = (html: string, rewriteUrl?: (url: string) => string | undefined) =>
  htmlToMarkdown(html, rewriteUrl === undefined ? {} : { rewriteUrl }).markdown;

describe('htmlToMarkdown', () => {
  it('writes a table whose cells hold pipes, escaping them, also inside code', () => {
    expect(md('<table><tr><th>a|b</th></tr><tr><td>1 | 2 <code>x|y</code></td></tr></table>')).toBe(
      '| a\\|b          |\n| ------------- |\n| 1 \\| 2 `x\\|y` |\n',
    );
  });

  it('keeps nested lists nested, ordered inside unordered', () => {
    expect(md('<ul><li>one<ol><li>first</li><li>second</li></ol></li><li>two</li></ul>')).toBe(
      '- one\n\n  1. first\n  2. second\n\n- two\n',
    );
  });

  it('writes code blocks fenced, with their language and their text untouched', () => {
    expect(
      md('<pre><code class="language-js">if (a &lt; b) { x = "&lt;b&gt;"; }</code></pre>'),
    ).toBe('```js\nif (a < b) { x = "<b>"; }\n```\n');
  });

  it('escapes literal markup so it stays text', () => {
    expect(md('<p>Type &lt;br&gt;, *stars* and [x](y) as they are.</p>')).toBe(
      'Type \\<br>, \\*stars\\* and \\[x]\\(y) as they are.\n',
    );
  });

  it('keeps the text of a javascript:, data: or vbscript: link but not the link', () => {
    expect(
      md(
        '<p><a href="javascript:alert(1)">a</a> <a href="data:text/html,x">b</a> <a href="vbscript:x">c</a></p>',
      ),
    ).toBe('a b c\n');
  });

  it('turns an iframe into a link named by its title, or by its host', () => {
    expect(md('<iframe src="https://www.youtube.com/embed/x" title="Demo"></iframe>')).toBe(
      '[Demo](https://www.youtube.com/embed/x)\n',
    );
    expect(md('<iframe src="//player.vimeo.com/video/1"></iframe>')).toBe(
      '[Embedded content (player.vimeo.com)](https://player.vimeo.com/video/1)\n',
    );
    expect(md('<p>a</p><iframe src="javascript:alert(1)"></iframe>')).toBe('a\n');
  });

  it('keeps images with their alt text, and the alt text alone when the source is not http(s)', () => {
    expect(md('<p><img src="https://cdn.example/a.png" alt="The refund dialog"></p>')).toBe(
      '![The refund dialog](https://cdn.example/a.png)\n',
    );
    expect(md('<p><img src="data:image/png;base64,AAAA" alt="Pasted screenshot"></p>')).toBe(
      '\\[Image: Pasted screenshot]\n',
    );
  });

  it('drops scripts, styles and forms with their content, and every attribute but links and images', () => {
    expect(
      md(
        '<style>p{}</style><script>x()</script><p class="a" style="b" onclick="c()">Hi <b id="x">there</b></p>',
      ),
    ).toBe('Hi **there**\n');
  });

  it('hands every surviving URL to rewriteUrl, which can resolve or remove it', () => {
    const out = md('<p><a href="/hc/a">rel</a> <a href="https://x.example">gone</a></p>', (url) =>
      url.startsWith('/') ? `https://help.example${url}` : undefined,
    );
    expect(out).toBe('[rel](https://help.example/hc/a) gone\n');
  });

  it('writes task lists as GFM tasks', () => {
    expect(
      md(
        '<ul><li><input type="checkbox" checked> done</li><li><input type="checkbox"> to do</li></ul>',
      ),
    ).toBe('- [x] done\n- [ ] to do\n');
  });

  it('gives the first paragraph of some length as plain text for the summary', () => {
    const { firstParagraph } = htmlToMarkdown(
      '<h2>Title</h2><p>Short.</p><p>Refunds go to the <b>original</b> card within 5 days.</p>',
    );
    expect(firstParagraph).toBe('Refunds go to the original card within 5 days.');
  });

  it('answers an empty text for HTML without content', () => {
    expect(md('<div><span> </span><script>x</script></div>')).toBe('');
  });
});
