/**
 * `npm run bench:search`: our search (lib/search) against a plain BM25 baseline, MiniSearch and
 * plain fuse.js on the shared help-article corpus at 1k, full (4,495) and 5× (22,475) documents,
 * on two query sets: title-derived (queries-dev.jsonl) and agent language (queries-agent-dev.jsonl:
 * pasted errors, symptoms, new-hire questions, vague fragments; a hit on `also` ids counts).
 * Build time, index size, heap growth, latency and recall per style and per tune/held-out half,
 * every engine measured in this one run on the same documents and queries; then an ablation of
 * our techniques at the full corpus (docs/adr/0003-search.md).
 *
 *   npx tsx bench/search.bench.ts [--queries F.jsonl] [--agent-queries F.jsonl] [--corpus F.jsonl.gz]
 *     [--skip-fuse]
 *
 * ~8 minutes on 2 cores, a third of it plain fuse.js (seconds per query on the full corpus).
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_AGENT_QUERIES,
  DEFAULT_CORPUS,
  DEFAULT_QUERIES,
  readJsonl,
} from '@/bin/commands/bench-search';
import { FEATURE_NAMES, type SearchDoc } from '@/lib/search';
import { blowUp, toDoc, toQuery, type BenchQuery } from '@/lib/search/bench/metrics';
import { writePart } from './report';
import { fuse, minisearch, ours, oursWith, plainBm25 } from './lib/search-engines';
import { languageTable, measureLanguages } from './lib/search-languages';
import { measure, REPEAT, SLOW_QUERY_MS, type Measured } from './lib/search-measure';
import {
  ablationTable,
  agentTable,
  budgets,
  fuseSubsetNote,
  titleTable,
} from './lib/search-tables';

/**
 * Plain fuse.js runs Bitap over every document's whole text per query (1–20 s each on the full
 * corpus): it answers an evenly spaced sample of the title queries only, so this part stays
 * within minutes.
 */
const FUSE_QUERIES: Record<string, number> = { '1k': 20, full: 15, '5×': 5 };

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    queries: { type: 'string' },
    'agent-queries': { type: 'string' },
    /** Leave plain fuse.js out (minutes per run on a loaded machine); its row says so. */
    'skip-fuse': { type: 'boolean', default: false },
  },
});
const io = { out: (t: string) => console.log(t), err: (t: string) => console.error(t) };
const corpusFile = values.corpus ?? DEFAULT_CORPUS;
const queriesFile = values.queries ?? DEFAULT_QUERIES;
const agentFile = values['agent-queries'] ?? DEFAULT_AGENT_QUERIES;
const corpus = readJsonl(corpusFile, toDoc, io);
const title = readJsonl(queriesFile, toQuery, io);
const agent = readJsonl(agentFile, toQuery, io);
if (corpus === undefined || title === undefined || agent === undefined) process.exit(1);

/** The first 1k articles plus every expected one, so each query can still be answered. */
function firstKPlusExpected(docs: SearchDoc[], k: number): SearchDoc[] {
  const expected = new Set([...title!, ...agent!].flatMap((q) => q.expected));
  return [...docs.slice(0, k), ...docs.slice(k).filter((d) => expected.has(d.id))];
}

const SIZES = [
  { label: '1k', docs: firstKPlusExpected(corpus, 1000) },
  { label: 'full', docs: corpus },
  { label: '5×', docs: blowUp(corpus, corpus.length * 5) },
];

/** `n` queries spread evenly over the list (the dev set is sorted by type). */
function sample<T>(list: T[], n: number): T[] {
  if (n >= list.length) return list;
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]!);
}

const log = (m: Measured) =>
  console.error(
    `search ${m.size} ${m.engine}: ${Object.entries(m.sets)
      .map(([set, r]) => `${set} R@5 ${r.recall5} p95 ${r.latencyMs.p95} ms`)
      .join('; ')}`,
  );

const results: Measured[] = [];
for (const { label, docs } of SIZES) {
  for (const engine of [ours, plainBm25, minisearch, ...(values['skip-fuse'] ? [] : [fuse])]) {
    // The slow baselines answer the agent set only where they take seconds, not minutes.
    const sets: Record<string, BenchQuery[]> =
      engine === fuse
        ? { title: sample(title, FUSE_QUERIES[label] ?? 5) }
        : engine === minisearch && label === '5×'
          ? { title }
          : { title, agent };
    const m = measure(engine, label, docs, sets);
    log(m);
    results.push(m);
  }
}

// Ablation at the full corpus: every technique of ours switched off in turn.
const ablation: Measured[] = [results.find((r) => r.size === 'full' && r.engine === ours.name)!];
for (const feature of FEATURE_NAMES) {
  const m = measure(oursWith({ [feature]: false }), 'full', corpus, { title, agent });
  log(m);
  ablation.push(m);
}
ablation.push(results.find((r) => r.size === 'full' && r.engine === plainBm25.name)!);

// German, French and Arabic queries beside the English sets, and the English-tokenizer ablation.
const languages = measureLanguages(corpus);
languages.forEach(log);

writePart({
  part: 'search',
  title:
    'Search: lib/search vs plain BM25, MiniSearch and fuse.js; title and agent-language queries',
  tables: [
    titleTable(results),
    agentTable(results),
    ablationTable(ablation),
    languageTable(languages),
  ],
  notes: [
    `Corpus ${corpusFile.split('/').pop()}; title queries ${queriesFile.split('/').pop()} (${title.length}); agent-language queries ${agentFile.split('/').pop()} (${agent.length}; a hit on expected or any also id counts).`,
    'tune / held-out: fixed halves of each set by a hash of the query id (lib/search/bench/metrics.ts splitOf); techniques were developed on the tune half.',
    '1k = the first 1,000 articles plus every expected one; 5× = copies with suffixed ids, 10 hits asked per copy, a copy of the expected article counts as a hit (as `waymark bench search --size`).',
    `Latency: per query the median of ${REPEAT} runs after a warm-up pass (one run when the warm-up averaged over ${SLOW_QUERY_MS} ms); "1st query" is the first search after the build, lazy set-up included.`,
    values['skip-fuse']
      ? 'Plain fuse.js was left out of this run (--skip-fuse).'
      : `Plain fuse.js answers only ${Object.entries(FUSE_QUERIES)
          .map(([size, n]) => `${n} (${size})`)
          .join(
            ', ',
          )} evenly spaced title queries, once each, no warm-up; ${fuseSubsetNote(results, fuse.name, ours.name)}.`,
    'MiniSearch answers only the title queries at 5× (seconds each there).',
    'Non-English sets: bench/corpus/multilingual (42 articles and 68 queries per language, written for this bench, CC0); queries read in their language then English; "English tokenizer only" analyses everything as English.',
    'Ablation: "without X" switches one technique off (waymark bench search --without X reproduces a row); every other row of it is the same index.',
    ...[ours, plainBm25, fuse, minisearch].map((e) => `${e.name}: ${e.options}.`),
    'Index size: our toJSON(); plain BM25 its postings as JSON; fuse.js Fuse.createIndex(...).toJSON(); MiniSearch JSON.stringify. Heap: heapUsed growth over the build after GC (documents already loaded).',
  ],
  budgets: budgets(results, ours.name),
  data: {
    corpus: corpusFile,
    queries: queriesFile,
    agentQueries: agentFile,
    results,
    ablation,
    languages,
  },
});
