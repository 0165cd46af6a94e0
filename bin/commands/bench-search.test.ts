import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { waymark } from '../test-support';
import { afterAll, describe, expect, it } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'waymark-bench-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const TOPICS = ['outlook password', 'printer offline', 'refund policy', 'vpn certificate'];
const corpusLines = TOPICS.map((topic, i) =>
  JSON.stringify({
    id: `d${i}`,
    title: `How to fix ${topic}`,
    intro: `About ${topic}.`,
    body: `Steps for ${topic}.`,
  }),
);
const corpus = join(scratch, 'corpus.jsonl.gz');
writeFileSync(corpus, gzipSync(corpusLines.join('\n')));
const queries = join(scratch, 'queries.jsonl');
writeFileSync(
  queries,
  TOPICS.map((topic, i) =>
    JSON.stringify({ query: topic.replace('o', ''), expected: `d${i}` }),
  ).join('\n'),
);
/** `waymark bench search` over the test corpus and `queryFile`, plus `args`. */
const bench = (queryFile: string, ...args: string[]) =>
  waymark('bench', 'search', '--corpus', corpus, '--queries', queryFile, ...args);
const LAST_LINE = /^search: recall@5 \d\.\d{3}, p95 \d+\.\d{2} ms$/;

describe('waymark bench search', () => {
  it('prints a JSON report and the summary line when given a gzip corpus and queries', async () => {
    const { code, stdout } = await bench(queries);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(LAST_LINE);
    const report = JSON.parse(lines.slice(0, lines.indexOf('}') + 1).join('\n')) as Record<
      string,
      unknown
    >;
    expect(report).toMatchObject({
      documents: 4,
      queryCount: 4,
      recall5: 1,
      loadedIdentical: true,
    });
    expect(report).toHaveProperty('latencyMs.p95');
    expect(report).toHaveProperty('baseline.recall5');
    expect(report).toHaveProperty('bySplit');
    expect(report).toHaveProperty('indexBytes.gzip');
  });

  it('counts a hit on an also id and prints recall@5 per style', async () => {
    const styled = join(scratch, 'styled.jsonl');
    const lines = [
      { qid: 'a', style: 'error', query: 'outlook password', expected: 'zzz', also: ['d0'] },
      { qid: 'b', style: 'vague', query: 'vpn certificate', expected: 'd3' },
      { qid: 'c', style: 'vague', query: 'unrelated words', expected: 'd1' },
    ];
    writeFileSync(styled, lines.map((l) => JSON.stringify(l)).join('\n'));
    const { code, stdout } = await bench(styled, '--without', 'feedback,associations');
    expect(code).toBe(0);
    expect(stdout).toContain('  error: recall@5 1.000 (1/1)');
    expect(stdout).toContain('  vague: recall@5 0.500 (1/2)');
  });

  it('repeats the corpus with suffixed ids up to --size and counts copies as hits', async () => {
    const { code, stdout } = await bench(queries, '--size', '10');
    expect(code).toBe(0);
    expect(stdout).toContain('"documents": 10');
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^search: recall@5 1\.000, p95 /);
  });

  it.each([[['--size', 'lots']], [['--size', '0']], [['extra']], [['--nope']]])(
    'exits 2 with a message when given %j',
    async (args) => {
      const { code, stderr } = await bench(queries, ...args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/waymark bench/);
    },
  );

  it('exits 2 when asked for another benchmark', async () => {
    expect((await waymark('bench', 'nothing')).code).toBe(2);
  });

  it('exits 2 naming the known features when --without names an unknown one', async () => {
    const { code, stderr } = await waymark('bench', 'search', '--without', 'magic');
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown feature "magic" \(known: rerank, typos/);
  });

  it('skips a malformed corpus line with a count naming file and line', async () => {
    const mixed = join(scratch, 'mixed.jsonl');
    writeFileSync(mixed, [corpusLines[0], '{broken', ...corpusLines.slice(1)].join('\n'));
    const { code, stderr } = await waymark(
      'bench',
      'search',
      '--corpus',
      mixed,
      '--queries',
      queries,
    );
    expect(code).toBe(0);
    expect(stderr).toContain(`skipped 1 bad line(s), first: ${mixed}:2:`);
  });

  it('exits 1 naming the file when nothing loads or the file is unreadable', async () => {
    const junk = join(scratch, 'junk.jsonl');
    writeFileSync(junk, 'not json\n{"id": 1}\n');
    const bad = await waymark('bench', 'search', '--corpus', junk, '--queries', queries);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`nothing loaded from ${junk}`);
    const missing = await waymark(
      'bench',
      'search',
      '--corpus',
      join(scratch, 'none.jsonl'),
      '--queries',
      queries,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
  });
});
