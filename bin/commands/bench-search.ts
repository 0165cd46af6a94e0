import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  buildIndex,
  FEATURE_NAMES,
  loadIndex,
  type SearchDoc,
  type SearchFeatures,
  type SearchIndex,
} from '@/lib/search';
import {
  baseId,
  blowUp,
  copiesPerItem,
  foldCopies,
  percentile,
  quality,
  qualityBy,
  round,
  splitOf,
  toDoc,
  toQuery,
  type BenchQuery,
} from '@/lib/search/bench/metrics';
import { PlainBm25 } from '@/lib/search/bench/plain-bm25';
import { EXIT, UsageError, type Io } from '../io';

/** The vendored help-centre corpus and its development queries (bench/corpus/README.md). */
const CORPUS_DIR = fileURLToPath(new URL('../../bench/corpus/', import.meta.url));
export const DEFAULT_CORPUS = `${CORPUS_DIR}ms-help-support.jsonl.gz`;
export const DEFAULT_QUERIES = `${CORPUS_DIR}queries-dev.jsonl`;
export const DEFAULT_AGENT_QUERIES = `${CORPUS_DIR}queries-agent-dev.jsonl`;

/** `waymark bench <what>`: only `search` so far. */
export function benchCommand(args: string[], io: Io): Promise<number> {
  const [what, ...rest] = args;
  if (what !== 'search')
    throw new UsageError(`unknown benchmark "${what ?? ''}": expected "search"`);
  return benchSearchCommand(rest, io);
}

/**
 * `waymark bench search [--corpus FILE.jsonl[.gz]] [--queries FILE.jsonl] [--size N] [--repeat R]
 * [--no-rerank] [--without feature,feature…]`
 * Builds the search index over a JSONL corpus, runs the queries and prints quality (overall, per
 * style or type, per tune/held-out half, and a plain BM25 baseline's), latency, build, size and
 * load figures as JSON, then recall@5 per style and `search: recall@5 R, p95 X ms`.
 */
export function benchSearchCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      corpus: { type: 'string' },
      queries: { type: 'string' },
      size: { type: 'string' },
      repeat: { type: 'string', default: '3' },
      'no-rerank': { type: 'boolean', default: false },
      without: { type: 'string', default: '' },
    },
  });
  const features = featuresWithout(values.without);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const size = values.size === undefined ? undefined : Number(values.size);
  if (size !== undefined && !(Number.isInteger(size) && size > 0))
    throw new UsageError(`--size must be a positive integer, got "${values.size}"`);
  const repeat = Number(values.repeat);
  if (!(Number.isInteger(repeat) && repeat > 0 && repeat <= 100))
    throw new UsageError(`--repeat must be an integer from 1 to 100, got "${values.repeat}"`);
  const corpusFile = values.corpus ?? defaultFile(DEFAULT_CORPUS, '--corpus');
  const queriesFile = values.queries ?? defaultFile(DEFAULT_QUERIES, '--queries');

  const corpus = readJsonl(corpusFile, toDoc, io);
  const queries = readJsonl(queriesFile, toQuery, io);
  if (corpus === undefined || queries === undefined) return Promise.resolve(EXIT.problems);
  const docs = size === undefined ? corpus : blowUp(corpus, size);
  const report = runBench(docs, queries, { rerank: !values['no-rerank'], repeat, features });
  io.out(JSON.stringify({ corpus: corpusFile, queries: queriesFile, ...report }, null, 2));
  for (const [kind, q] of Object.entries(report.byType))
    io.out(
      `  ${kind}: recall@5 ${q.recall5.toFixed(3)} (${Math.round(q.recall5 * q.queries)}/${q.queries}), plain BM25 ${report.baseline.byType[kind]?.recall5.toFixed(3) ?? '–'}`,
    );
  io.out(
    `  tune ${report.bySplit.tune?.recall5.toFixed(3) ?? '–'}, held-out ${report.bySplit['held-out']?.recall5.toFixed(3) ?? '–'}; plain BM25 recall@5 ${report.baseline.recall5.toFixed(3)}`,
  );
  io.out(
    `search: recall@5 ${report.recall5.toFixed(3)}, p95 ${report.latencyMs.p95.toFixed(2)} ms`,
  );
  return Promise.resolve(EXIT.ok);
}

/** `--without typos,feedback` → the features with those switched off (unknown names refused). */
function featuresWithout(list: string): Partial<SearchFeatures> {
  const names = list.split(',').filter((n) => n !== '');
  const unknown = names.filter((n) => !(FEATURE_NAMES as string[]).includes(n));
  if (unknown.length > 0)
    throw new UsageError(
      `--without: unknown feature "${unknown[0]}" (known: ${FEATURE_NAMES.join(', ')})`,
    );
  return Object.fromEntries(names.map((n) => [n, false]));
}

function defaultFile(path: string, flag: string): string {
  if (!existsSync(path)) throw new UsageError(`${flag} FILE is required (no default at ${path})`);
  return path;
}

/** Parses a JSONL file (gzip by extension or magic bytes), skipping bad lines with a count. */
export function readJsonl<T>(
  file: string,
  convert: (value: unknown) => T | string,
  io: Io,
): T[] | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
    if (file.endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b)) bytes = gunzipSync(bytes);
  } catch (error) {
    io.err(`waymark bench search: cannot read ${file}: ${(error as Error).message}`);
    return undefined;
  }
  const out: T[] = [];
  const bad: string[] = [];
  bytes
    .toString('utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let result: T | string;
      try {
        result = convert(JSON.parse(line));
      } catch (error) {
        result = `not JSON (${(error as Error).message})`;
      }
      if (typeof result === 'string') bad.push(`${file}:${i + 1}: ${result}`);
      else out.push(result);
    });
  if (bad.length > 0) {
    io.err(`waymark bench search: skipped ${bad.length} bad line(s), first: ${bad[0]}`);
  }
  if (out.length === 0) {
    io.err(
      `waymark bench search: nothing loaded from ${file}${bad.length > 0 ? ` (${bad[0]})` : ''}`,
    );
    return undefined;
  }
  return out;
}

export function runBench(
  docs: SearchDoc[],
  queries: BenchQuery[],
  options: { rerank: boolean; repeat: number; features?: Partial<SearchFeatures> },
) {
  let t = performance.now();
  const index = buildIndex(docs, options.features);
  const buildMs = performance.now() - t;
  // With --size, every item has identical copies: ask for 10 per copy and count each item once,
  // so quality stays comparable with the plain corpus and the latency includes the extra hits.
  const copies = copiesPerItem(docs);
  const rawRun = (q: BenchQuery, from: SearchIndex) =>
    from.search(q.query, { limit: 10 * copies, rerank: options.rerank }).map((h) => baseId(h.id));
  const run = (q: BenchQuery, from: SearchIndex) => foldCopies(rawRun(q, from));
  // Also the plain measure: the first five hits as returned, a copy of the expected item a hit.
  const rawRecall5 =
    queries.filter((q) =>
      rawRun(q, index)
        .slice(0, 5)
        .some((id) => q.expected.includes(id)),
    ).length / Math.max(1, queries.length);
  // Timed before serializing, so the garbage of a 20 MB JSON round trip is not collected mid-run.
  queries.forEach((q) => run(q, index)); // warm-up pass
  // Each query is timed `repeat` times in a row and its median kept: one query's figure is then
  // not a GC pause or another process's time slice. The first pass alone is reported too.
  const times: number[] = [];
  const firstPass: number[] = [];
  const ranks = queries.map((q) => {
    let ids: string[] = [];
    const runs: number[] = [];
    for (let r = 0; r < options.repeat; r++) {
      const start = performance.now();
      ids = run(q, index);
      runs.push(performance.now() - start);
    }
    firstPass.push(runs[0]!);
    times.push(percentile(runs, 50));
    return ids.findIndex((id) => q.expected.includes(id));
  });
  const json = JSON.stringify(index.toJSON());
  t = performance.now();
  const loaded = loadIndex(JSON.parse(json) as ReturnType<SearchIndex['toJSON']>, options.features);
  const loadMs = performance.now() - t;

  const loadedIdentical = queries.every(
    (q) => JSON.stringify(run(q, loaded)) === JSON.stringify(run(q, index)),
  );
  return {
    documents: index.size,
    queryCount: queries.length,
    rerank: options.rerank,
    ...quality(ranks),
    /** With --size: recall@5 over the first five hits as returned, copies not folded together. */
    rawRecall5: Math.round(rawRecall5 * 10_000) / 10_000,
    copiesPerItem: copies,
    byType: qualityBy(queries, ranks, (q) => q.type ?? 'all'),
    bySplit: qualityBy(queries, ranks, splitOf),
    baseline: plainBaseline(docs, queries, copies),
    latencyMs: {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
    },
    latencyMsFirstPass: {
      p50: percentile(firstPass, 50),
      p95: percentile(firstPass, 95),
      p99: percentile(firstPass, 99),
    },
    repeat: options.repeat,
    buildMs: round(buildMs),
    indexBytes: { raw: Buffer.byteLength(json), gzip: gzipSync(json).length },
    loadMs: round(loadMs),
    loadedIdentical,
    heapUsedMB: round(process.memoryUsage().heapUsed / 2 ** 20),
  };
}

/** The same queries through a plain BM25 engine (plain-bm25.ts), so the gap is visible. */
function plainBaseline(docs: SearchDoc[], queries: BenchQuery[], copies: number) {
  const plain = new PlainBm25(docs);
  const times: number[] = [];
  const ranks = queries.map((q) => {
    const start = performance.now();
    const ids = foldCopies(plain.search(q.query, 10 * copies).map(baseId));
    times.push(performance.now() - start);
    return ids.findIndex((id) => q.expected.includes(id));
  });
  return {
    engine: 'plain BM25 (one field, no stemming, k1 1.2, b 0.75)',
    ...quality(ranks),
    byType: qualityBy(queries, ranks, (q) => q.type ?? 'all'),
    latencyMs: { p50: percentile(times, 50), p95: percentile(times, 95) },
  };
}
