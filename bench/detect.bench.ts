/**
 * `npm run bench:detect`: time per detection over a mixed stream of 10k URLs across the whole
 * catalogue (fixture URLs of every app, their spoofs, and ordinary web URLs), against a bare
 * `new URL()` parse as the floor; then detection with a saved document for DOM rules and context.
 * Reported as ratios to the floor measured in the same run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { parse } from 'yaml';
import { loadContent } from '@/lib/content-files';
import { Catalogue } from '@/lib/context';
import { writePart } from './report';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'lib', 'context', 'fixtures');
const STREAM = 10_000;
const ROUNDS = 25;

interface Fixture {
  positive: { url: string; html?: string }[];
  negative: string[];
}

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parse(readFileSync(join(FIXTURES, f), 'utf8')) as Fixture);
const catalogueUrls = fixtures.flatMap((f) => [...f.positive.map((p) => p.url), ...f.negative]);
const webUrls = Array.from(
  { length: 200 },
  (_, i) => `https://site${i}.example.org/path/${i}?q=${i}#top`,
);
const mixed = [...catalogueUrls, ...webUrls];
const stream = Array.from({ length: STREAM }, (_, i) => mixed[(i * 7919) % mixed.length] ?? '');

const withDocs = fixtures.flatMap((f) =>
  f.positive
    .filter((p) => p.html !== undefined)
    .map((p) => ({
      url: p.url,
      doc: new JSDOM(readFileSync(join(FIXTURES, p.html ?? ''), 'utf8')).window.document,
    })),
);

const content = await loadContent(join(ROOT, 'content'), { appsOnly: true });
const buildStart = performance.now();
const catalogue = new Catalogue(content.apps.map((a) => a.value));
const compileMs = performance.now() - buildStart;

/** Mean µs per call for each round over `inputs`; warms up first. */
function perCall(
  inputs: readonly unknown[],
  fn: (input: never) => unknown,
  rounds = ROUNDS,
): number[] {
  let sink = 0;
  for (let i = 0; i < 2; i++) for (const x of inputs) sink ^= fn(x as never) === null ? 1 : 0;
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const x of inputs) sink ^= fn(x as never) === null ? 1 : 0;
    samples.push(((performance.now() - t0) * 1000) / inputs.length);
  }
  if (sink === 42) console.log('');
  return samples.sort((a, b) => a - b);
}
const pick = (s: number[], q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
const round = (n: number) => Math.round(n * 1000) / 1000;

const floor = perCall(stream, (url: string) => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
});
const urlOnly = perCall(stream, (url: string) => catalogue.detect(url));
const domInputs = Array.from({ length: 2_000 }, (_, i) => withDocs[i % withDocs.length]);
const withDom = perCall(
  domInputs,
  (x: { url: string; doc: Document }) => catalogue.detect(x.url, x.doc),
  10,
);

const report = {
  catalogue: { apps: content.apps.length, compile_ms: round(compileMs) },
  stream: {
    urls: STREAM,
    distinct: mixed.length,
    catalogue_share: round(catalogueUrls.length / mixed.length),
  },
  floor_new_url_us: { median: round(pick(floor, 0.5)), p95: round(pick(floor, 0.95)) },
  detect_url_us: {
    median: round(pick(urlOnly, 0.5)),
    p95: round(pick(urlOnly, 0.95)),
    ratio_to_floor: round(pick(urlOnly, 0.5) / pick(floor, 0.5)),
  },
  detect_with_document_us: {
    pages: withDocs.length,
    median: round(pick(withDom, 0.5)),
    p95: round(pick(withDom, 0.95)),
  },
  target: 'median well under 100 µs (0.1 ms) per call',
};
writePart({
  part: 'detect',
  title: 'Detection: time per navigation vs a bare new URL() floor',
  tables: [
    {
      columns: ['measure', 'median µs', 'p95 µs', 'floor median µs', 'floor p95 µs', 'vs floor'],
      rows: [
        [
          `detect(url), ${STREAM.toLocaleString('en-US')} URLs`,
          report.detect_url_us.median,
          report.detect_url_us.p95,
          report.floor_new_url_us.median,
          report.floor_new_url_us.p95,
          `${report.detect_url_us.ratio_to_floor}×`,
        ],
        [
          `detect(url, document), ${withDocs.length} pages`,
          report.detect_with_document_us.median,
          report.detect_with_document_us.p95,
          report.floor_new_url_us.median,
          report.floor_new_url_us.p95,
          `${round(report.detect_with_document_us.median / report.floor_new_url_us.median)}×`,
        ],
      ],
    },
  ],
  notes: [
    `${report.catalogue.apps} apps compiled in ${report.catalogue.compile_ms} ms; stream of ${STREAM} URLs over ${mixed.length} distinct (${Math.round(report.stream.catalogue_share * 100)}% from the catalogue's fixtures). Per round: mean µs per call; median and p95 over ${ROUNDS} rounds (10 with a document).`,
    `Target: ${report.target}.`,
  ],
  data: report,
});
console.log(
  `detect: median ${report.detect_url_us.median} µs per URL (${report.detect_url_us.ratio_to_floor}× a bare new URL()), ${report.detect_with_document_us.median} µs with a document`,
);
