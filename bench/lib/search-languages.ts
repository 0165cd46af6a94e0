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

type Variant = 'learner+default' | 'learner only' | 'English only';
const NAMES: Record<Variant, string> = {
  'learner+default': 'waymark, per-language analysis',
  'learner only': 'waymark, per-language, query without English alternatives',
  'English only': 'waymark, English tokenizer only',
};

/**
 * Our engine, each query read in its set's language then English (as a learner whose default is
 * English), in its language only, or everything as English (the ablation).
 */
function engineFor(queryLang: ReadonlyMap<string, SearchLang>, variant: Variant): Engine {
  const perLanguage = variant !== 'English only';
  return {
    name: NAMES[variant],
    options: perLanguage
      ? `documents analysed in their language; queries in the learner language${variant === 'learner+default' ? ', then English' : ''}`
      : 'every document and query analysed as English (as before content carried a locale)',
    build: (docs) => {
      const index = buildIndex(perLanguage ? docs : docs.map(({ lang: _lang, ...doc }) => doc));
      return {
        search: (query, limit) => {
          const lang = queryLang.get(query) ?? 'en';
          const langs: SearchLang[] =
            !perLanguage || lang === 'en'
              ? ['en']
              : variant === 'learner only'
                ? [lang]
                : [lang, 'en'];
          return index.search(query, { limit, langs }).map((h) => h.id);
        },
        serialize: () => JSON.stringify(index.toJSON()),
      };
    },
  };
}

/** The three variants over the English corpus plus the three languages' articles. */
export function measureLanguages(english: SearchDoc[]): Measured[] {
  const sets = languageQueries();
  const queryLang = new Map<string, SearchLang>(
    LANGS.flatMap((lang) => sets[lang].map((q) => [q.query, lang] as const)),
  );
  const docs = [...english, ...languageDocs()];
  const variants: Variant[] = ['learner+default', 'learner only', 'English only'];
  return variants.map((variant) =>
    measure(engineFor(queryLang, variant), 'full+3 languages', docs, sets),
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
