import { FuzzyVocabulary } from './fuzzy';
import { highlight } from './highlight';
import { InvertedIndex } from './inverted-index';
import { rarest, variantsOf, type MatchContext } from './matcher';
import { FEEDBACK_DOCS, feedbackVariants } from './feedback';
import { Heads } from './associations';
import { DEFAULT_FEATURES, type SearchFeatures } from './features';
import { PrefixLookup } from './prefix';
import { serialize, serializeInSteps, type SerializedIndex } from './serialize';
import { parseQuery, type QueryWord } from './query';
import { rerankByTitle, type Candidate } from './rerank';
import { DocStore } from './doc-store';
import { TopK } from './top-k';
import { terms } from './tokenize';
import type { Highlight, SearchDoc, SearchHit, SearchOptions } from './types';

/** Query words actually scored: the rarest this many (a pasted page still searches fast). */
const SCORED_WORDS = 24;
/** The rarest query words the title re-ranker matches (one fuse.js search each): bounds a long
 * question's cost; on the development sets more words changed no rank. */
const RERANK_WORDS = 12;
/** Candidates handed to the fuse.js title re-ranker. */
const RERANK_POOL = 20;
const MAX_LIMIT = 100;
/** Multiplicative lift for items targeted at the current app / `app:screen`: bounded, so it
 * reorders close results without burying a clearly better match. */
export const APP_BOOST = 1.15;
export const SCREEN_BOOST = 1.3;

/**
 * The search index: BM25F over title, summary, tags and body, typo-tolerant and prefix-aware,
 * updated in place after a sync and persisted with `toJSON()` (see serialize.ts).
 */
export class SearchIndex {
  private readonly fuzzy = new FuzzyVocabulary();
  private readonly prefixes: PrefixLookup;
  /** Counts adds and removes, so a slow serialisation can tell the index changed under it. */
  private changes = 0;
  private best = new Float64Array(0);
  private total = new Float64Array(0);

  readonly features: SearchFeatures;
  private readonly heads: Heads;

  /** @internal use `buildIndex` or `loadIndex`. */
  constructor(
    readonly index: InvertedIndex = new InvertedIndex(),
    readonly store: DocStore = new DocStore(),
    sortedTerms = 0,
    features: Partial<SearchFeatures> = {},
  ) {
    this.features = { ...DEFAULT_FEATURES, ...features };
    this.heads = new Heads(index);
    this.prefixes = new PrefixLookup(sortedTerms);
  }

  get size(): number {
    return this.index.liveCount;
  }

  has(id: string): boolean {
    return this.store.slotOf(id) !== undefined;
  }

  /** Adds a document, replacing any with the same id. */
  add(doc: SearchDoc): void {
    this.remove(doc.id);
    this.changes++;
    const title = terms(doc.title);
    const summary = terms(doc.summary ?? '');
    const slot = this.index.addDocument([
      title,
      summary,
      terms((doc.tags ?? []).join(' ')),
      terms(doc.body ?? ''),
    ]);
    this.store.put(slot, doc);
    const ids = this.index.termIds;
    this.heads.add(
      slot,
      [...title, ...summary].map((term) => ids.get(term)!),
    );
  }

  remove(id: string): boolean {
    const slot = this.store.slotOf(id);
    if (slot === undefined) return false;
    this.changes++;
    this.index.removeDocument(slot);
    this.store.delete(slot);
    this.heads.remove(slot);
    return true;
  }

  /**
   * Does now what the first search would otherwise do lazily: files new terms for typo and
   * prefix lookups and derives the heads. Incremental, so calling it after each batch of adds
   * (each page of a sync) spreads that work out.
   */
  warm(): void {
    this.fuzzy.update(this.index.terms);
    this.prefixes.refresh(this.index.terms);
    this.heads.warm();
    this.index.fieldNorms();
  }

  /** Removes `removed`, then adds (or replaces) `docs`: one logged change (lib/db/search-index.ts). */
  applyChange(change: { removed: readonly string[]; docs: readonly SearchDoc[] }): void {
    for (const id of change.removed) this.remove(id);
    for (const doc of change.docs) this.add(doc);
  }

  /** The persisted form (see serialize.ts); `loadIndex` turns it back into an equal index. */
  toJSON(): SerializedIndex {
    return serialize(this);
  }

  /**
   * `toJSON()` in slices, awaiting `pause()` between them so searches keep answering while a
   * large index is serialised. Undefined when the index changed meanwhile (the caller's newer
   * write, or its next snapshot, covers that change).
   */
  async toJSONInSteps(pause: () => Promise<void>): Promise<SerializedIndex | undefined> {
    const at = this.changes;
    const steps = serializeInSteps(this);
    for (;;) {
      const step = steps.next();
      if (step.done === true) return step.value;
      await pause();
      if (this.changes !== at) return undefined;
    }
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.max(0, Math.min(MAX_LIMIT, Math.floor(options.limit ?? 10)));
    if (limit === 0 || query.trim() === '') return [];
    this.fuzzy.update(this.index.terms);
    const ctx: MatchContext = {
      features: this.features,
      index: this.index,
      heads: this.heads,
      fuzzy: this.fuzzy,
      prefix: this.prefixes,
    };
    const words = rarest(parseQuery(query), ctx, SCORED_WORDS);
    if (words.length === 0) return [];
    const matched = new Set<string>();
    const touched = this.accumulate(
      words.map((w) => variantsOf(w, ctx)),
      matched,
    );
    if (this.features.feedback) this.feedback(touched, words, options.filter);
    const rerank = options.rerank ?? this.features.rerank;
    const pool = rerank ? Math.max(limit, RERANK_POOL) : limit;
    const top = new TopK(pool, (slot) => this.store.ids[slot]!);
    for (const slot of touched) {
      const score = this.total[slot]!;
      this.total[slot] = 0;
      if (!this.store.visible(slot, options.filter)) continue;
      top.push(slot, score * this.store.boost(slot, options.boost, APP_BOOST, SCREEN_BOOST));
    }
    let ranked: Candidate[] = top.result();
    if (rerank) {
      const titleOf = (slot: number) => this.store.titles[slot]!;
      ranked = rerankByTitle(
        ranked,
        titleOf,
        rarest(words, ctx, RERANK_WORDS).map((w) => w.word),
      );
    }
    return ranked.slice(0, limit).map((c) => this.hit(c, matched));
  }

  /** Adds the feedback words of the first results to the scores (see feedback.ts). */
  private feedback(touched: number[], words: QueryWord[], filter: SearchOptions['filter']): void {
    const top = new TopK(FEEDBACK_DOCS, (slot) => this.store.ids[slot]!);
    for (const slot of touched)
      if (this.store.visible(slot, filter)) top.push(slot, this.total[slot]!);
    const heads = top.result().map(({ slot, score }) => ({
      score,
      head: this.heads.of(slot) ?? [],
    }));
    const typed = words.flatMap((w) => this.index.termIds.get(w.term) ?? []);
    const extra = feedbackVariants(this.index, heads, new Set(typed));
    this.accumulate(
      extra.map((v) => [v]),
      new Set(),
      touched,
    );
  }

  /** Sums each query word's best variant score per document; returns the documents touched. */
  private accumulate(
    perWord: { id: number; weight: number }[][],
    matched: Set<string>,
    touched: number[] = [],
  ): number[] {
    const slots = this.index.slotCount;
    if (this.best.length < slots) {
      this.best = new Float64Array(slots * 2);
      this.total = new Float64Array(slots * 2);
    }
    const wordTouched: number[] = [];
    for (const variants of perWord) {
      wordTouched.length = 0;
      for (const { id, weight } of variants) {
        this.index.scoreTerm(id, weight, this.best, wordTouched);
        matched.add(this.index.terms[id]!);
      }
      for (const slot of wordTouched) {
        if (this.total[slot] === 0) touched.push(slot);
        this.total[slot]! += this.best[slot]!;
        this.best[slot] = 0;
      }
    }
    return touched;
  }

  private hit({ slot, score }: Candidate, matched: Set<string>): SearchHit {
    const has = (term: string) => matched.has(term);
    const title = this.store.titles[slot]!;
    const highlights = [
      highlight('title', title, has, 200),
      highlight('summary', this.store.summaries[slot]!, has, 200),
      highlight('body', this.store.excerpts[slot]!, has, 160),
    ].filter((h): h is Highlight => h !== undefined);
    const type = this.store.types[slot];
    return {
      id: this.store.ids[slot]!,
      score,
      title,
      ...(type === undefined ? {} : { type }),
      highlights,
    };
  }
}
