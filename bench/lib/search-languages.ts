/**
 * The non-English query sets of `npm run bench:search`: German, French and Arabic help articles
 * and agent-style queries written for this bench (bench/corpus/multilingual/, CC0), indexed
 * together with the English corpus as one organisation's content would be. Each language's
 * queries are read in that language, then English (a learner whose UI is German, org default
 * English). The ablation reads everything with the English tokenizer (no `lang` on documents or
 * queries): what per-language analysis adds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex, type SearchDoc, type SearchLang } from '@/lib/search';
import type { BenchQuery } from '@/lib/search/bench/metrics';
import type { Table } from '../report';
import type { Engine } from './search-engines';
import { measure, type Measured } from './search-measure';

export const LANGS = ['de', 'fr', 'ar'] as const;
const DIR = join(import.meta.dirname, '..', 'corpus', 'multilingual');

const lines = (file: string) =>
  readFileSync(join(DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, string>);

export function languageDocs(): SearchDoc[] {
  return LANGS.flatMap((lang) =>
    lines(`help-${lang}.jsonl`).map((d) => ({
      id: d.id!,
      title: d.title!,
      summary: d.summary!,
      body: d.body!,
      lang,
    })),
  );
}

export function languageQueries(): Record<(typeof LANGS)[number], BenchQuery[]> {
  const of = (lang: string) =>
    lines(`queries-${lang}.jsonl`).map((q) => ({
      query: q.query!,
      expected: [q.expected!],
      id: q.qid!,
    }));
  return { de: of('de'), fr: of('fr'), ar: of('ar') };
}

/** Our engine, each query read in its set's language then English, or all English (ablation). */
function engineFor(queryLang: ReadonlyMap<string, SearchLang>, perLanguage: boolean): Engine {
  return {
    name: perLanguage ? 'waymark, per-language analysis' : 'waymark, English tokenizer only',
    options: perLanguage
      ? 'documents analysed in their language; queries in the learner language, then English'
      : 'every document and query analysed as English (as before content carried a locale)',
    build: (docs) => {
      const index = buildIndex(perLanguage ? docs : docs.map(({ lang: _lang, ...doc }) => doc));
      return {
        search: (query, limit) => {
          const lang = queryLang.get(query) ?? 'en';
          const langs: SearchLang[] = perLanguage && lang !== 'en' ? [lang, 'en'] : ['en'];
          return index.search(query, { limit, langs }).map((h) => h.id);
        },
        serialize: () => JSON.stringify(index.toJSON()),
      };
    },
  };
}

/** Both engines over the English corpus plus the three languages' articles. */
export function measureLanguages(english: SearchDoc[]): Measured[] {
  const sets = languageQueries();
  const queryLang = new Map<string, SearchLang>(
    LANGS.flatMap((lang) => sets[lang].map((q) => [q.query, lang] as const)),
  );
  const docs = [...english, ...languageDocs()];
  return [true, false].map((perLanguage) =>
    measure(engineFor(queryLang, perLanguage), 'full+3 languages', docs, sets),
  );
}

export function languageTable(rows: Measured[]): Table {
  return {
    title: 'Non-English queries (German, French, Arabic) over the full corpus plus 126 articles',
    columns: [
      'engine',
      'docs',
      ...LANGS.flatMap((l) => [`${l} R@5`, `${l} MRR@10`, `${l} p95 ms`]),
    ],
    rows: rows.map((r) => [
      r.engine,
      r.documents,
      ...LANGS.flatMap((l) => {
        const s = r.sets[l];
        return [s?.recall5, s?.mrr10, s?.latencyMs.p95];
      }),
    ]),
  };
}
