// The tip card's Markdown subset at its edges (render.test.ts has the common cases), and the two
// renderers agreeing on that subset. Literal expected HTML throughout.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderMarkdownToDom } from './render-dom';
import { renderMarkdown } from './render-html';

const { window } = new JSDOM('<!doctype html><body></body>');
const NEW_TAB = 'target="_blank" rel="noopener noreferrer"';

function dom(markdown: string): string {
  const div = window.document.createElement('div');
  div.append(renderMarkdownToDom(markdown, window.document));
  return div.innerHTML;
}

describe('renderMarkdownToDom inline marks', () => {
  it.each([
    ['two strong runs', '**a** and **b**', '<strong>a</strong> and <strong>b</strong>'],
    [
      'two emphases',
      '*Save* or *Cancel* and *a b*',
      '<em>Save</em> or <em>Cancel</em> and <em>a b</em>',
    ],
    ['emphasis right before a word', '*a*b', '<em>a</em>b'],
    ['a star beside a space as text', '2 * 3 * 4 and *x * y', '2 * 3 * 4 and *x * y'],
    ['an unclosed star as text', 'a **b', 'a **b'],
    ['strong across a line end as text', '**a\nb**', '**a<br>b**'],
    [
      '__strong__ and _em_ between spaces',
      '__a b__ and _c d_.',
      '<strong>a b</strong> and <em>c d</em>.',
    ],
    ['__ and _ touching a word as text', 'x__a__ a_b_c _d_e', 'x__a__ a_b_c _d_e'],
    ['emphasis inside strong', '**a *b* c**', '<strong>a <em>b</em> c</strong>'],
    ['code, its marks kept as text', '`a` and `b*c*`', '<code>a</code> and <code>b*c*</code>'],
  ])('renders %s', (_, markdown, html) => {
    expect(dom(markdown)).toBe(`<p>${html}</p>`);
  });

  it.each([
    ['spaces around the URL', '[t]( https://x.example/a )', 'https://x.example/a', 't'],
    ['an upper-case scheme', '[t](HTTP://X.example)', 'HTTP://X.example', 't'],
    [
      'nested marks in the text',
      '[**x** _y_](https://x.example)',
      'https://x.example',
      '<strong>x</strong> <em>y</em>',
    ],
  ])('renders a link with %s', (_, markdown, href, text) => {
    expect(dom(markdown)).toBe(`<p><a href="${href}" ${NEW_TAB}>${text}</a></p>`);
  });

  it.each([
    ['no text', '[](https://x.example)'],
    ['no closing parenthesis', '[t](https://x.example'],
    ['a bracket in the text', '[a]b](https://x.example)'],
    ['two levels of parentheses', '[w](https://x.example/((e)))'],
    ['a title', '[u](https://x.example "T")'],
  ])('leaves a link with %s as text', (_, markdown) => {
    expect(dom(markdown)).toBe(`<p>${markdown}</p>`);
  });

  it('keeps only the text of a relative link, or one whose scheme is hidden by an entity', () => {
    expect(dom('[t](java&#115;cript:alert(1)) [u](#frag) [r](/go?u=https://x.example)')).toBe(
      '<p>t u r</p>',
    );
  });
});

describe('renderMarkdownToDom blocks', () => {
  it.each([
    ['multi-digit numbers', '10. ten\n11) eleven', '<ol><li>ten</li><li>eleven</li></ol>'],
    ['a list whose first line is numbered', '1. a\n- b', '<ol><li>a</li><li>b</li></ol>'],
    ['a tab-indented bullet', '\t- tab', '<ul><li>tab</li></ul>'],
    ['list items split by a blank line', '- a\n\n- b', '<ul><li>a</li></ul><ul><li>b</li></ul>'],
    ['a bullet without a space as a paragraph', '- a\n-b', '<p>- a<br>-b</p>'],
    [
      'seven hashes or none before a space as text',
      '####### seven\n\n#no',
      '<p>####### seven</p><p>#no</p>',
    ],
    ['a heading with a second line as a paragraph', '# a\nb', '<p># a<br>b</p>'],
    ['a six-level heading', '###### six *e*', '<p><strong>six <em>e</em></strong></p>'],
    [
      'a heading and a bullet with several spaces',
      '##   spaced\n\n-   item',
      '<p><strong>spaced</strong></p><ul><li>item</li></ul>',
    ],
    [
      'lines trimmed, several blank lines as one',
      '  lead  \n  trail  \n\n\n\nnext',
      '<p>lead<br>trail</p><p>next</p>',
    ],
  ])('renders %s', (_, markdown, html) => {
    expect(dom(markdown)).toBe(html);
  });
});

describe('both renderers on the tip card subset', () => {
  it('produce the same elements, marks and links', () => {
    const markdown =
      'Set **Priority** to *Urgent* with `P1`, __now__ and _soon_.\n\n- one\n- two\n\n1. first\n2. second\n\n' +
      'See [SLA](https://example.com/sla) or [mail](mailto:a@b.example), not [x](javascript:alert(1)).';
    const expected =
      '<p>Set <strong>Priority</strong> to <em>Urgent</em> with <code>P1</code>, <strong>now</strong> and <em>soon</em>.</p>' +
      '<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>' +
      `<p>See <a href="https://example.com/sla" ${NEW_TAB}>SLA</a> or <a href="mailto:a@b.example" ${NEW_TAB}>mail</a>, not `;
    expect(dom(markdown)).toBe(`${expected}x.</p>`);
    // marked puts a newline after each block; an unsafe link keeps an empty <a> around its text.
    expect(renderMarkdown(markdown, window as unknown as Window).replaceAll('\n', '')).toBe(
      `${expected}<a>x</a>.</p>`,
    );
  });
});
