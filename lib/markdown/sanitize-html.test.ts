// The second layer of renderMarkdown on its own (sanitizeHtml): what its allow-lists let through,
// given HTML that marked never writes, with literal expected output. The `markdown` mutation
// module runs this file for each mutant of the lists, so it stays small and fast.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './render-html';

const { window } = new JSDOM('<!doctype html><body></body>');
const sanitize = (html: string) => sanitizeHtml(html, window as unknown as Window);
const NEW_TAB = 'target="_blank" rel="noopener noreferrer"';

describe('sanitizeHtml', () => {
  it('keeps each tag of the allow-list as written', () => {
    const kept = [
      '<h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>',
      '<p>a<br>b</p><hr>',
      '<p><strong>s</strong><em>e</em><del>d</del><code>c</code><kbd>k</kbd><mark>m</mark></p>',
      '<pre><code>pre</code></pre><blockquote>q</blockquote>',
      '<ul><li>u</li></ul><ol><li>o</li></ol>',
      '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>',
      '<a href="#top">top</a>',
    ].join('');
    expect(sanitize(kept)).toBe(kept);
  });

  it('drops other tags but keeps their text, except the text of style, svg and math', () => {
    expect(
      sanitize(
        '<h1>h</h1><div>d</div><span>n</span><sub>s</sub><img src="https://x.example/p.gif">' +
          '<form><input value="v"><button>b</button><textarea>t</textarea>' +
          '<select><option>o</option></select></form>' +
          '<style>p{}</style><svg><g>g</g></svg><math><mi>m</mi></math><script>x()</script>',
      ),
    ).toBe('hdnsbto');
  });

  it('drops every attribute but href, title and start: data-, aria-, style, handlers, ids, spans', () => {
    expect(
      sanitize(
        '<p data-x="1" aria-label="y" style="color:red" onclick="x()" class="k" id="i">t</p>' +
          '<ol start="3" reversed=""><li title="T">x</li></ol>' +
          '<table><tbody><tr><td colspan="2" rowspan="2" align="center">c</td></tr></tbody></table>',
      ),
    ).toBe(
      '<p>t</p><ol start="3"><li title="T">x</li></ol><table><tbody><tr><td>c</td></tr></tbody></table>',
    );
  });

  it('opens http, https and mail links of any case in a new tab, fragments in place', () => {
    expect(
      sanitize(
        '<a href="HTTPS://X.example" title="T">u</a><a href="http://x.example">h</a>' +
          '<a href="MAILTO:a@b.example">m</a><a href="#f">f</a>',
      ),
    ).toBe(
      `<a href="HTTPS://X.example" title="T" ${NEW_TAB}>u</a><a href="http://x.example" ${NEW_TAB}>h</a>` +
        `<a href="MAILTO:a@b.example" ${NEW_TAB}>m</a><a href="#f">f</a>`,
    );
  });

  it('trims a link, and drops a relative, other-scheme or script link, keeping its text', () => {
    expect(
      sanitize(
        '<a href=" https://x.example ">t</a><a href="/rel">r</a><a href="page.md">p</a>' +
          '<a href="ftp://x.example">f</a><a href="javascript:alert(1)//https:">j</a>' +
          '<a href="data:text/html,https:">d</a>',
      ),
    ).toBe(`<a href="https://x.example" ${NEW_TAB}>t</a><a>r</a><a>p</a><a>f</a><a>j</a><a>d</a>`);
  });

  it('drops a link whose scheme a newline breaks, and an href on anything but a link', () => {
    expect(
      sanitize(
        '<a href="h&#10;ttps://x.example">n</a><p href="https://x.example">p</p><a>none</a>',
      ),
    ).toBe('<a>n</a><p>p</p><a>none</a>');
  });
});
