import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderMarkdownToDom } from './render-dom';
import { renderMarkdown } from './render-html';

const { window } = new JSDOM('<!doctype html><body></body>');
function html(markdown: string): Element {
  const div = window.document.createElement('div');
  div.innerHTML = renderMarkdown(markdown, window as unknown as Window);
  return div;
}

describe('renderMarkdown (extension pages)', () => {
  it('renders ordinary Markdown: headings under the title, lists, tables, code, safe links', () => {
    const out = html(
      '# Refunds\n\n1. Open the **order**\n2. Click `Refund`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[policy](https://example.com/p)',
    );
    expect(out.querySelector('h2')?.textContent).toBe('Refunds');
    expect(out.querySelectorAll('ol li')).toHaveLength(2);
    expect(out.querySelector('td')?.textContent).toBe('1');
    const link = out.querySelector('a');
    expect([
      link?.getAttribute('href'),
      link?.getAttribute('rel'),
      link?.getAttribute('target'),
    ]).toEqual(['https://example.com/p', 'noopener noreferrer', '_blank']);
  });

  it('keeps every element Markdown produces, headings one level down and capped at h6', () => {
    const out = html(
      [
        '# One',
        '## Two',
        '### Three',
        '#### Four',
        '##### Five',
        '###### Six',
        'Line one  \nline two with **b**, *e*, ~~d~~ and `c`',
        '---',
        '```\ncode\n```',
        '> quoted',
        '- a\n- b',
        '| h |\n|---|\n| v |',
        'Keys <kbd>K</kbd> and <mark>M</mark>',
        '[t](https://x.example)',
      ].join('\n\n'),
    );
    const tags = new Set([...out.querySelectorAll('*')].map((el) => el.tagName));
    expect([...tags].sort()).toEqual(
      // Every tag of the allow-list but OL (its own test below).
      'A BLOCKQUOTE BR CODE DEL EM H2 H3 H4 H5 H6 HR KBD LI MARK P PRE STRONG TABLE TBODY TD TH THEAD TR UL'.split(
        ' ',
      ),
    );
    expect([...out.querySelectorAll('h2, h3, h4, h5, h6')].map((h) => h.tagName)).toEqual([
      'H2',
      'H3',
      'H4',
      'H5',
      'H6',
      'H6',
    ]);
  });

  it('keeps the number an ordered list starts at', () => {
    const list = html('Then:\n\n3. Refund\n4. Close').querySelector('ol');
    expect(list?.getAttribute('start')).toBe('3');
  });

  it('keeps a link title; opens mail links in a new tab, in-page fragments in place', () => {
    const links = [
      ...html(
        '[t](https://x.example "Policy") [m](mailto:a@b.example) [f](#steps)',
      ).querySelectorAll('a'),
    ].map((a) => [a.getAttribute('href'), a.getAttribute('title'), a.getAttribute('target')]);
    expect(links).toEqual([
      ['https://x.example', 'Policy', '_blank'],
      ['mailto:a@b.example', null, '_blank'],
      ['#steps', null, null],
    ]);
  });

  it('drops a relative link (it would point into the extension), keeping its text', () => {
    const out = html('[guide](/guide) and [page](page.md)');
    expect(out.querySelectorAll('a[href]')).toHaveLength(0);
    expect(out.textContent?.trim()).toBe('guide and page');
  });

  it('keeps bare inline tags in any case, self-closed or closing, and escapes every other tag', () => {
    const out = html('a<br/>b <KBD>X</KBD> <sub>s</sub> <span title="a&amp;b">\'q\'</span>');
    expect(out.querySelector('br')).not.toBeNull();
    expect(out.querySelector('kbd')?.textContent).toBe('X');
    expect(out.querySelector('sub, span')).toBeNull();
    expect(out.textContent?.trim()).toBe('ab X s <span title="a&amp;b">\'q\'</span>');
  });

  it.each([
    [
      'a bare tag with a space before ">"',
      'x <kbd >y</kbd > <kbd class="k">z</kbd>',
      '<p>x <kbd>y</kbd> &lt;kbd class="k"&gt;z</p>\n',
    ],
    ['a bare tag alone on its line (an HTML block)', 'a\n\n<br>\n\nb', '<p>a</p>\n<br><p>b</p>\n'],
    ['the same, indented', 'a\n\n  <br>\n\nb', '<p>a</p>\n  <br><p>b</p>\n'],
    [
      'an HTML block that starts with a kept tag',
      '<kbd>\nfoo\n</kbd>',
      '&lt;kbd&gt;\nfoo\n&lt;/kbd&gt;',
    ],
    ['an HTML block that ends with a kept tag', '<span>\n</kbd>', '&lt;span&gt;\n&lt;/kbd&gt;'],
    [
      'an emoji in escaped markup, whole',
      'a <b title="é😀">b</b>',
      '<p>a &lt;b title="é😀"&gt;b&lt;/b&gt;</p>\n',
    ],
    ['a single newline, no line break', 'Line one\nline two', '<p>Line one\nline two</p>\n'],
  ])('renders %s', (_, markdown, expected) => {
    expect(html(markdown).innerHTML).toBe(expected);
  });

  it('shows raw HTML as text, keeping only a few bare inline tags', () => {
    const out = html(
      'Press <kbd>Ctrl</kbd> then <b onclick="x()">this</b>\n\n<div class="box">block</div>',
    );
    expect(out.querySelector('kbd')?.textContent).toBe('Ctrl');
    expect(out.querySelector('b, div')).toBeNull();
    expect(out.textContent).toContain('<b onclick="x()">this</b>');
    expect(out.textContent).toContain('<div class="box">block</div>');
  });

  it('drops javascript: and data: links but keeps their text', () => {
    const out = html(
      '[click](javascript:alert(1)) and [data](data:text/html,x) and <a href="JaVaScRiPt:alert(1)">raw</a>',
    );
    expect(out.querySelectorAll('a[href]')).toHaveLength(0);
    expect(out.textContent).toContain('click');
  });

  it('drops images and shows a form and a styled paragraph as text', () => {
    const out = html(
      '![x](https://tracker.example/p.gif)\n\n<form><input></form><p style="color:red">t</p>',
    );
    expect(out.querySelector('img, form, input, [style]')).toBeNull();
    expect(out.innerHTML).toBe(
      '<p></p>\n&lt;form&gt;&lt;input&gt;&lt;/form&gt;&lt;p style="color:red"&gt;t&lt;/p&gt;',
    );
  });
});

describe('renderMarkdownToDom (in-page tip card)', () => {
  const render = (md: string) => {
    const div = window.document.createElement('div');
    div.append(renderMarkdownToDom(md, window.document));
    return div;
  };

  it('renders paragraphs, lists, emphasis, code and safe links', () => {
    const out = render(
      'Set **Priority** to *Urgent* with `P1`.\n\n- one\n- two\n\nSee [SLA](https://example.com/sla).',
    );
    expect(out.innerHTML).toBe(
      '<p>Set <strong>Priority</strong> to <em>Urgent</em> with <code>P1</code>.</p><ul><li>one</li><li>two</li></ul><p>See <a href="https://example.com/sla" target="_blank" rel="noopener noreferrer">SLA</a>.</p>',
    );
  });

  it('leaves underscores inside words alone', () => {
    expect(render('set short_description and _this_').innerHTML).toBe(
      '<p>set short_description and <em>this</em></p>',
    );
  });

  it('renders __strong__ at word edges only, never inside a word', () => {
    expect(render('Use __Save__, not snake__case__x').innerHTML).toBe(
      '<p>Use <strong>Save</strong>, not snake__case__x</p>',
    );
  });

  it('renders links in angle brackets, with parentheses in the URL, and with formatted text', () => {
    const out = render(
      '[docs](<https://x.example/a>) [wiki](https://x.example/A_(b)) [**bold** link](https://x.example)',
    );
    expect(
      [...out.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.innerHTML]),
    ).toEqual([
      ['https://x.example/a', 'docs'],
      ['https://x.example/A_(b)', 'wiki'],
      ['https://x.example', '<strong>bold</strong> link'],
    ]);
  });

  it('keeps mailto links and only the text of relative and other-scheme links', () => {
    expect(render('[rel](/path) [mail](mailto:a@b.example) [ftp](ftp://x)').innerHTML).toBe(
      '<p>rel <a href="mailto:a@b.example" target="_blank" rel="noopener noreferrer">mail</a> ftp</p>',
    );
  });

  it('renders *, + and - bullets, indented or not, and numbered lists with "." or ")"', () => {
    expect(render('* one\n+ two\n  - three').innerHTML).toBe(
      '<ul><li>one</li><li>two</li><li>three</li></ul>',
    );
    expect(render('1) first\n2) second').innerHTML).toBe('<ol><li>first</li><li>second</li></ol>');
  });

  it('renders a heading on its own as a bold paragraph', () => {
    expect(render('# Title\n\n## Next').innerHTML).toBe(
      '<p><strong>Title</strong></p><p><strong>Next</strong></p>',
    );
  });

  it('breaks lines within a paragraph and splits paragraphs on blank lines, whatever the line ends', () => {
    expect(render('a\r\n\r\nb\rc').innerHTML).toBe('<p>a</p><p>b<br>c</p>');
    expect(render('a\n\n   \n\nb').innerHTML).toBe('<p>a</p><p>b</p>');
  });

  it('keeps only the text of an unsafe link', () => {
    const out = render('[click](javascript:alert(1)) here');
    expect(out.querySelector('a')).toBeNull();
    expect(out.textContent).toBe('click here');
  });
});
