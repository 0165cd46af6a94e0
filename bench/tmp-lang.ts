import { readJsonl, DEFAULT_CORPUS } from '@/bin/commands/bench-search';
import { toDoc } from '@/lib/search/bench/metrics';
import { measureLanguages, LANGS } from './lib/search-languages';
const small = process.argv.includes('--small');
const corpus = small ? [] : readJsonl(DEFAULT_CORPUS, toDoc, { out: console.log, err: console.error })!;
for (const m of measureLanguages(corpus)) {
  console.log(m.engine, m.documents, m.buildMs.toFixed(0), LANGS.map((l) => `${l} R@5 ${m.sets[l]!.recall5} MRR ${m.sets[l]!.mrr10} p95 ${m.sets[l]!.latencyMs.p95}`).join(' | '));
  if (process.argv.includes('--misses')) for (const l of LANGS) for (const [q, r] of Object.entries(m.sets[l]!.ranks)) if (r < 0 || r >= 5) console.log('  miss', l, r, q);
}
