/**
 * `npm run bench:import`: articles per second through `waymark import`, next to the floor of
 * parsing the same export (JSON + HTML, nothing converted) and of copying its files, measured in
 * the same run; then the three HTML → Markdown converters of ADR 0010 on speed, text lost and
 * unsafe output (fixtures written for the tests, a corpus sample, the XSS corpus).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { main } from '@/bin/main';
import { parseHtml, planImport, readZendesk } from '@/lib/import';
import { fixtureFiles, PLAN_NOW } from '@/lib/import/test-fixtures';
import { renderMarkdown } from '@/lib/markdown/render-html';
import { CONVERTERS, flagged, wordsLost } from './lib/html-converters';
import { corpusHtml, writeZendeskExport } from './lib/import-corpus';
import { budget, writePart } from './report';

const ARTICLES = 1000;
const ROUNDS = 3;
const scratch = mkdtempSync(join(tmpdir(), 'waymark-bench-import-'));
const exportDir = join(scratch, 'export');
const corpus = corpusHtml(ARTICLES);
writeZendeskExport(exportDir, corpus);
const silent = { out: () => {}, err: () => {} };

/** Median seconds of `rounds` runs of `fn` (each gets its round number). */
async function median(fn: (round: number) => unknown, rounds = ROUNDS): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    await fn(r);
    times.push((performance.now() - t0) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;
}

const files = () =>
  readdirSync(exportDir).map((f) => ({ path: f, text: readFileSync(join(exportDir, f), 'utf8') }));
const perSecond = (seconds: number) => Math.round(ARTICLES / seconds);

const copy = await median((r) =>
  cpSync(exportDir, join(scratch, `copy-${r}`), { recursive: true }),
);
const parse = await median(() => {
  for (const file of files())
    for (const a of (JSON.parse(file.text) as { articles: { body: string }[] }).articles)
      parseHtml(a.body);
});
const plan = await median(() =>
  planImport(readZendesk(files()).documents, {
    status: 'draft',
    owner: 'o@example.com',
    now: PLAN_NOW,
    existing: [],
  }),
);
const firstImport = await median((r) =>
  main(['import', 'zendesk', exportDir, '--into', join(scratch, `into-${r}`)], silent),
);
const reimport = await median(() =>
  main(['import', 'zendesk', exportDir, '--into', join(scratch, 'into-0')], silent),
);

/** Converter quality: words lost once rendered, unsafe output, crashes. */
const { window } = new JSDOM('');
const visibleText = (markdown: string) => {
  const div = window.document.createElement('div');
  div.innerHTML = renderMarkdown(markdown, window as unknown as Window);
  return div.textContent ?? '';
};
const fixturePages = [
  ...fixtureFiles('zendesk').flatMap((f) =>
    (JSON.parse(f.text) as { articles: { body: string | null }[] }).articles.map(
      (a) => a.body ?? '',
    ),
  ),
  ...fixtureFiles('html-site').map((f) => f.text),
  ...fixtureFiles('guru-collection')
    .filter((f) => f.path.endsWith('.html'))
    .map((f) => f.text),
];
const xss = (
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', 'tests', 'fixtures', 'security', 'xss-payloads.json'),
      'utf8',
    ),
  ) as { payload: string }[]
).map((p) => p.payload);
const sample = corpus.slice(0, 200).map((a) => a.html);

const converterRows = [];
const quality: Record<string, { unsafe: number }> = {};
for (const converter of CONVERTERS) {
  const speed = await median(() => corpus.forEach((a) => converter.convert(a.html)));
  let lost = 0;
  let total = 0;
  for (const page of [...fixturePages, ...sample]) {
    const r = wordsLost(page, visibleText(converter.convert(page)));
    lost += r.lost;
    total += r.total;
  }
  let unsafe = 0;
  let crashed = 0;
  for (const page of [...fixturePages, ...xss]) {
    try {
      if (flagged(converter.convert(page))) unsafe += 1;
    } catch {
      crashed += 1;
    }
  }
  quality[converter.name] = { unsafe };
  converterRows.push([
    converter.name,
    perSecond(speed),
    lost,
    `${((lost / total) * 100).toFixed(3)}%`,
    unsafe,
    crashed,
  ]);
}
rmSync(scratch, { recursive: true, force: true });

const ours = quality[CONVERTERS[0]!.name]!;
writePart({
  part: 'import',
  title: `Import (${ARTICLES} help-centre articles as a Zendesk export)`,
  tables: [
    {
      columns: ['step', 'articles/s', 'seconds', 'vs parse only'],
      rows: [
        ['copy the export files (floor)', perSecond(copy), copy, undefined],
        ['parse only: JSON + HTML, nothing converted (baseline)', perSecond(parse), parse, '1×'],
        ['convert: read + plan (no disk)', perSecond(plan), plan, `${(plan / parse).toFixed(1)}×`],
        [
          'waymark import --into (write + content check)',
          perSecond(firstImport),
          firstImport,
          `${(firstImport / parse).toFixed(1)}×`,
        ],
        [
          're-import, nothing changed',
          perSecond(reimport),
          reimport,
          `${(reimport / parse).toFixed(1)}×`,
        ],
      ],
    },
    {
      title: `HTML → Markdown converters (speed on the ${ARTICLES} articles; words lost once rendered on the test fixtures + 200 articles; unsafe = flagged by content check, over the fixtures + ${xss.length} XSS payloads)`,
      columns: ['converter', 'articles/s', 'words lost', 'share lost', 'unsafe outputs', 'crashes'],
      rows: converterRows,
    },
  ],
  budgets: [
    budget('import: unsafe Markdown from fixtures + XSS corpus', 0, ours.unsafe, 'outputs'),
    budget('import: end to end, times parse only', 30, firstImport / parse, '×'),
  ],
  data: { articles: ARTICLES, copy, parse, plan, firstImport, reimport, converters: converterRows },
});
