/**
 * The HTML → Markdown converters compared in ADR 0010, behind one signature, and the two measures
 * the ADR rests on: text lost (words of the page that are missing from the Markdown) and unsafe
 * output (Markdown that `content check` flags: script-capable links or raw HTML).
 */
import { NodeHtmlMarkdown } from 'node-html-markdown';
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import { htmlToMarkdown, parseHtml } from '@/lib/import';
import { findUnsafeMarkdown } from '@/lib/markdown/link-safety';
import { maskLiteralText } from '@/lib/markdown/literal-text';

export interface Converter {
  name: string;
  convert: (html: string) => string;
}

const turndown = new TurndownService({
  headingStyle: 'atx',
  codeBlockStyle: 'fenced',
  bulletListMarker: '-',
});
turndown.use(gfm);
const nhm = new NodeHtmlMarkdown();

export const CONVERTERS: Converter[] = [
  {
    name: 'Waymark (unified: rehype-sanitize → rehype-remark → remark-gfm)',
    convert: (html) => htmlToMarkdown(html).markdown,
  },
  { name: 'turndown 7.2 + turndown-plugin-gfm', convert: (html) => turndown.turndown(html) },
  { name: 'node-html-markdown 2.0', convert: (html) => nhm.translate(html) },
];

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The words a reader of the page sees (text outside script, style and the like). */
export function visibleWords(html: string): string[] {
  const hidden = new Set(['script', 'style', 'template', 'noscript', 'title', 'head']);
  const out: string[] = [];
  const walk = (node: { type: string; value?: string; tagName?: string; children?: unknown[] }) => {
    if (node.type === 'text') out.push(...words(node.value ?? ''));
    if (node.type === 'element' && hidden.has(node.tagName ?? '')) return;
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(parseHtml(html));
  return out;
}

/** How many of the page's visible words are missing from the Markdown (counted with repeats). */
export function wordsLost(html: string, markdown: string): { lost: number; total: number } {
  const have = new Map<string, number>();
  for (const w of words(markdown)) have.set(w, (have.get(w) ?? 0) + 1);
  let lost = 0;
  const seen = visibleWords(html);
  for (const w of seen) {
    const n = have.get(w) ?? 0;
    if (n === 0) lost += 1;
    else have.set(w, n - 1);
  }
  return { lost, total: seen.length };
}

/** True when `content check` would flag the Markdown (unsafe scheme, script-capable raw HTML). */
export const flagged = (markdown: string): boolean =>
  findUnsafeMarkdown(markdown, maskLiteralText).length > 0;
