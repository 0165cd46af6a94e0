// The XSS corpus against both renderers (kept out of the `markdown` mutation module's tests: it
// would run again for each of the module's static mutants; sanitize-html.test.ts pins the lists).
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

function dom(markdown: string): Element {
  const div = window.document.createElement('div');
  div.append(renderMarkdownToDom(markdown, window.document));
  return div;
}

describe('renderMarkdown (extension pages)', () => {
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
  it.each(payloads.map((p) => [p.title, p.payload]))(
    'shows the XSS payload "%s" as text only',
    (_, payload) => {
      const out = dom(`${payload}\n\n[x](${payload})`);
      expect(problems(out, DOM_TAGS)).toEqual([]);
    },
  );
});
