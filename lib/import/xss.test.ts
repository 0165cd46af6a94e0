import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseItemFile } from '@/lib/content-files';
import { itemTypeDef } from '@/lib/content-model';
import { renderMarkdown } from '@/lib/markdown/render-html';
import { htmlToMarkdown } from './html-to-markdown';

/** DOMPurify's XSS corpus, vendored (tests/fixtures/security/README.md). */
const payloads = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'security', 'xss-payloads.json'),
    'utf8',
  ),
) as { title: string; payload: string }[];

const { window } = new JSDOM('<!doctype html><body></body>');
const RENDERED_TAGS = new Set(
  'P BR HR H2 H3 H4 H5 H6 STRONG EM DEL CODE PRE BLOCKQUOTE UL OL LI A TABLE THEAD TBODY TR TH TD KBD MARK'.split(
    ' ',
  ),
);

/** Anything in the rendered article that could run script or load from elsewhere. */
function dangers(markdown: string): string[] {
  const div = window.document.createElement('div');
  div.innerHTML = renderMarkdown(markdown, window as unknown as Window);
  const found: string[] = [];
  for (const el of div.querySelectorAll('*')) {
    if (!RENDERED_TAGS.has(el.tagName)) found.push(`<${el.tagName.toLowerCase()}>`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'src')
        found.push(attr.name);
      if (attr.name === 'href' && !/^(?:https?:|mailto:|#)/i.test(attr.value))
        found.push(`href ${attr.value}`);
    }
  }
  return found;
}

const article = (body: string) =>
  `---\ntype: article\ntemplate: how-to\ntitle: Imported payload\nowner: a@b.example\nstatus: draft\nupdated_at: 2026-06-15\nversion: 1\n---\n${body}`;

describe('importing the XSS corpus', () => {
  const converted = payloads.map((p) => ({ ...p, markdown: htmlToMarkdown(p.payload).markdown }));

  it.each(converted)('renders "$title" without anything that can run', ({ markdown }) => {
    expect(dangers(markdown)).toEqual([]);
  });

  it.each(converted)(
    '$title: content check accepts it, or names the problem and its line',
    ({ markdown }) => {
      const parsed = parseItemFile(
        article(markdown),
        'articles/imported-payload.md',
        itemTypeDef('article')!,
      );
      for (const problem of parsed.problems) {
        expect(problem.line).toBeGreaterThanOrEqual(1);
        expect(problem.message).toMatch(/needs a body|not allowed|unsafe link scheme/);
      }
      expect(parsed.ok).toBe(parsed.problems.length === 0);
    },
  );

  it('produces Markdown that content check accepts for every payload that keeps some text', () => {
    const rejected = converted.filter(
      ({ markdown }) =>
        markdown !== '' && !parseItemFile(article(markdown), 'a/x.md', itemTypeDef('article')!).ok,
    );
    expect(rejected.map((r) => r.title)).toEqual([]);
  });
});
