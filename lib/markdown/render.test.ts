import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderMarkdownToDom } from './render-dom';
import { renderMarkdown } from './render-html';

const { window } = new JSDOM('<!doctype html><body></body>');
const payloads = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'security', 'xss-payloads.json'),
    'utf8',
  ),
) as { title: string; payload: string }[];

const HTML_TAGS = new Set([
  'P',
  'BR',
  'HR',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'STRONG',
  'EM',
  'DEL',
  'CODE',
  'PRE',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'LI',
  'A',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
  'KBD',
  'MARK',
]);
const DOM_TAGS = new Set(['P', 'BR', 'STRONG', 'EM', 'CODE', 'UL', 'OL', 'LI', 'A']);

/** Every element in `root`, with anything that could run script or leave the page flagged. */
function problems(root: Element | DocumentFragment, allowedTags: Set<string>): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (!allowedTags.has(el.tagName)) found.push(`tag <${el.tagName.toLowerCase()}>`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`handler ${attr.name}`);
      if (!['href', 'title', 'target', 'rel', 'colspan', 'rowspan', 'start'].includes(attr.name))
        found.push(`attribute ${attr.name}`);
      if (attr.name === 'href' && !/^(?:https?:|mailto:|#)/i.test(attr.value))
        found.push(`href ${attr.value.slice(0, 40)}`);
    }
  }
  return found;
}

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

  it('drops images, forms and inline styles', () => {
    const out = html(
      '![x](https://tracker.example/p.gif)\n\n<form><input></form><p style="color:red">t</p>',
    );
    expect(problems(out, HTML_TAGS)).toEqual([]);
    expect(out.querySelector('img, form, input, [style]')).toBeNull();
  });

  it.each(payloads.map((p) => [p.title, p.payload]))(
    'neutralises the XSS payload "%s"',
    (_, payload) => {
      expect(problems(html(`Before\n\n${payload}\n\nafter [link](${payload})`), HTML_TAGS)).toEqual(
        [],
      );
    },
  );
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

  it('keeps only the text of an unsafe link', () => {
    const out = render('[click](javascript:alert(1)) here');
    expect(out.querySelector('a')).toBeNull();
    expect(out.textContent).toBe('click here');
  });

  it.each(payloads.map((p) => [p.title, p.payload]))(
    'shows the XSS payload "%s" as text only',
    (_, payload) => {
      const out = render(`${payload}\n\n[x](${payload})`);
      expect(problems(out, DOM_TAGS)).toEqual([]);
    },
  );
});
