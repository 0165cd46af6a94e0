import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Real support articles (title, intro, body): the vendored corpus (bench/corpus/README.md). */
export const HELP_CORPUS = join(import.meta.dirname, '..', 'corpus', 'ms-help-support.jsonl.gz');

interface Source {
  title: string;
  summary: string;
  body: string;
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trim()}…`);

function readCorpus(file: string): Source[] {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .flatMap((line) => {
      if (line.trim() === '') return [];
      const v = JSON.parse(line) as { title?: unknown; intro?: unknown; body?: unknown };
      if (typeof v.title !== 'string' || typeof v.body !== 'string' || v.body.trim() === '')
        return [];
      const title = clip(v.title.trim(), 150);
      if (title.length < 3) return [];
      return [
        {
          title,
          summary: clip(typeof v.intro === 'string' ? v.intro.trim() : '', 400),
          body: v.body,
        },
      ];
    });
}

/** Varied filler for machines without the corpus: ~2 KB of Markdown per article. */
function synthetic(i: number): Source {
  const words = [
    'refund',
    'ticket',
    'priority',
    'invoice',
    'account',
    'escalate',
    'customer',
    'SLA',
  ];
  const w = (k: number) => words[(i * 7 + k * 3) % words.length]!;
  const para = (k: number) =>
    Array.from({ length: 40 }, (_, j) => `${w(k + j)}${(i * 31 + j) % 97}`).join(' ');
  return {
    title: `How to handle ${w(1)} ${w(2)} case ${i}`,
    summary: `What to check when a ${w(3)} needs ${w(4)} (${i}).`,
    body: `## Steps\n\n${para(1)}\n\n## Why\n\n${para(2)}\n\n${para(3)}`,
  };
}

/**
 * `count` article items shaped like `base` (a real seeded article), with ids `bench-00000`…
 * and text from the shared corpus of real help articles, cycled (so sizes and compression are
 * realistic), or synthetic text without it. Titles carry the item's number, so each is unique.
 */
export function benchItems(
  base: Record<string, unknown>,
  count: number,
): { items: Record<string, unknown>[]; source: string } {
  const corpus = existsSync(HELP_CORPUS) ? readCorpus(HELP_CORPUS) : [];
  const items = Array.from({ length: count }, (_, i) => {
    const src = corpus.length > 0 ? corpus[i % corpus.length]! : synthetic(i);
    const n = String(i).padStart(5, '0');
    return {
      ...base,
      id: `bench-${n}`,
      title: `${src.title} #${n}`,
      summary: src.summary,
      body: src.body,
      tags: ['bench'],
      version: 1,
      status: 'published',
      targeting: { apps: [], screens: [], roles: [], teams: [] },
    };
  });
  return {
    items,
    source:
      corpus.length > 0
        ? `${corpus.length} real help articles, cycled`
        : 'synthetic ~2 KB articles',
  };
}
