/**
 * The three engines `bench/search.bench.ts` compares, behind one shape: build over SearchDocs,
 * search returning ids best first, serialize the index as it would be stored.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { buildIndex, type SearchDoc, type SearchFeatures } from '@/lib/search';
import { PlainBm25 } from '@/lib/search/bench/plain-bm25';
import { FIELDS } from '@/lib/search/fields';

export interface BuiltEngine {
  search: (query: string, limit: number) => string[];
  serialize: () => string;
}

export interface Engine {
  name: string;
  /** How it is configured, for the report. */
  options: string;
  build: (docs: SearchDoc[]) => BuiltEngine;
}

export const ours: Engine = oursWith({});

/** Our engine with some techniques switched off (the ablation table). */
export function oursWith(features: Partial<SearchFeatures>): Engine {
  const off = Object.keys(features).join(', ');
  return {
    name: off === '' ? 'waymark (lib/search)' : `waymark without ${off}`,
    options:
      'BM25F title 5 / summary 2 / tags 2 / body 1, typos, prefix and completion of unknown words, corpus word associations, a software-support vocabulary (everyday → documentation words, query side), title re-rank, LSA re-rank (96 dimensions, learned from the corpus at build time); pseudo-relevance feedback off',
    build: (docs) => buildOurs(docs, features),
  };
}

function buildOurs(docs: SearchDoc[], features: Partial<SearchFeatures>): BuiltEngine {
  const index = buildIndex(docs, features);
  return {
    search: (query, limit) => index.search(query, { limit }).map((h) => h.id),
    serialize: () => JSON.stringify(index.toJSON()),
  };
}

/** The textbook baseline (lib/search/bench/plain-bm25.ts). */
export const plainBm25: Engine = {
  name: 'plain BM25',
  options: 'one text field, lower case, stop words, no stemming, k1 1.2, b 0.75',
  build(docs) {
    const engine = new PlainBm25(docs);
    return {
      search: (query, limit) => engine.search(query, limit),
      serialize: () => JSON.stringify(engine),
    };
  },
};

/**
 * Plain fuse.js over the same fields, weighted like ours (fields.ts). `ignoreLocation: true` so a
 * match deep in a body counts (the default only looks at the first ~60 characters);
 * `threshold: 0.4` is between the default 0.6 (matches nearly anything in long text) and strict.
 * Tags are left out: the corpus has none. https://www.fusejs.io/api/options.html
 */
const FUSE_KEYS = FIELDS.filter((f) => f.name !== 'tags').map((f) => ({
  name: f.name,
  weight: f.weight,
}));
const FUSE_OPTIONS = { keys: FUSE_KEYS, ignoreLocation: true, threshold: 0.4 } as const;

export const fuse: Engine = {
  name: 'fuse.js 7.5',
  options: `keys ${FUSE_KEYS.map((k) => `${k.name} ${k.weight}`).join(' / ')}, ignoreLocation: true, threshold: 0.4`,
  build(docs) {
    const index = Fuse.createIndex(FUSE_KEYS, docs);
    const engine = new Fuse(docs, FUSE_OPTIONS, index);
    return {
      search: (query, limit) => engine.search(query, { limit }).map((r) => r.item.id),
      serialize: () => JSON.stringify(index.toJSON()),
    };
  },
};

/** MiniSearch as its docs suggest for typo-tolerant search-as-you-type. https://lucaong.github.io/minisearch/ */
const MINI_OPTIONS = {
  fields: ['title', 'summary', 'body'],
  searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 3, summary: 2 } },
};

export const minisearch: Engine = {
  name: 'MiniSearch 7.2',
  options: 'fields title / summary / body, fuzzy 0.2, prefix, boost title 3, summary 2',
  build(docs) {
    const engine = new MiniSearch<SearchDoc>(MINI_OPTIONS);
    engine.addAll(docs);
    return {
      search: (query, limit) =>
        engine
          .search(query)
          .slice(0, limit)
          .map((r) => String(r.id)),
      serialize: () => JSON.stringify(engine),
    };
  },
};
