import { Heads } from './associations';
import { DocStore } from './doc-store';
import { splitCompounds } from './languages/compounds';
import { DEFAULT_FEATURES, type SearchFeatures } from './features';
import { FuzzyVocabulary } from './fuzzy';
import { highlight } from './highlight';
import { InvertedIndex } from './inverted-index';
import {
  rarest,
  variantsOf,
  type MatchContext,
  type Variant,
  type WordNeighbours,
} from './matcher';
import { PrefixLookup } from './prefix';
import { parseQuery, type QueryWord } from './query';
import { rerankByTitle, type Candidate } from './rerank';
import { Scorer } from './scorer';
import { buildTermVectors, SemanticModel } from './semantic/model';
import { rerankByMeaning } from './semantic/rerank';
import type { TermVectors } from './semantic/term-vectors';
import { serialize, serializeInSteps, type SerializedIndex } from './serialize';
import { TopK } from './top-k';
import { terms, WantedTerms } from './tokenize';
import { softwareVocabulary } from './software-vocabulary';
import type { QueryVocabulary } from './vocabulary';
import type { Highlight, SearchDoc, SearchHit, SearchOptions } from './types';

/** Query words actually scored: the rarest this many (a pasted page still searches fast). */
const SCORED_WORDS = 24;
/** Candidates re-ranked by title and meaning (more changed no development-set rank). */
const RERANK_POOL = 30;
const MAX_LIMIT = 100;
/** Multiplicative lift for items targeted at the current app / `app:screen`: bounded, so it
 * reorders close results without burying a clearly better match. */
export const APP_BOOST = 1.15;
export const SCREEN_BOOST = 1.3;
/** The semantic model is worth rebuilding once this share of documents changed since it was. */
const STALE_SHARE = 0.1;

/**
 * The search index: BM25F over title, summary, tags and body, typo-tolerant and prefix-aware,
 * re-ranked by title and by meaning (semantic/), updated in place after a sync and persisted with
 * `toJSON()` (see serialize.ts).
 */
export class SearchIndex {
  private readonly fuzzy = new FuzzyVocabulary();
  private readonly prefixes: PrefixLookup;
  /** Counts adds and removes, so a slow serialisation can tell the index changed under it. */
  private changes = 0;
  private readonly scorer: Scorer;
  private model: SemanticModel | undefined;
  /** `changes` and the live document count when the semantic model was built. */
  private modelAt = { changes: 0, size: 0 };

  readonly features: SearchFeatures;
  private readonly heads: Heads;
  /** An expansion of query words from outside the corpus (matcher.ts); the product sets none. */
  neighbours: WordNeighbours | undefined;
  /** Everyday words → documentation words (vocabulary.ts), when the `vocabulary` feature is on. */
  vocabulary: QueryVocabulary | undefined;

  /** @internal use `buildIndex` or `loadIndex`. */
  constructor(
    readonly index: InvertedIndex = new InvertedIndex(),
    readonly store: DocStore = new DocStore(),
    sortedTerms = 0,
    features: Partial<SearchFeatures> = {},
    vectors?: TermVectors,
  ) {
    this.features = { ...DEFAULT_FEATURES, ...features };
    this.heads = new Heads(index);
    this.prefixes = new PrefixLookup(sortedTerms);
    this.scorer = new Scorer(index);
    if (this.features.vocabulary) this.vocabulary = softwareVocabulary();
    if (vectors !== undefined) this.finishModel(vectors);
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
    const lang = doc.lang ?? 'en';
    const title = terms(doc.title, lang);
    const summary = terms(doc.summary ?? '', lang);
    const slot = this.index.addDocument([
      title,
      summary,
      terms((doc.tags ?? []).join(' '), lang),
      terms(doc.body ?? '', lang),
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
    this.model?.forget(slot);
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

  /** The term vectors of the semantic model, if one was built or loaded. */
  get vectors(): TermVectors | undefined {
    return this.model?.vectors;
  }

  /**
   * True when the `semantic` feature is on and its model is missing, or was built before a
   * tenth of the documents changed. Documents added since a build are placed with the model as
   * it is (their words' vectors); a rebuild also learns their new words.
   */
  get semanticStale(): boolean {
    if (!this.features.semantic) return false;
    const changed = this.changes - this.modelAt.changes;
    return this.model === undefined || changed > STALE_SHARE * Math.max(1, this.modelAt.size);
  }

  /** Builds the semantic model now (semantic/model.ts): about a second for 10k articles. */
  buildSemantic(): void {
    this.finishModel(drain(buildTermVectors(this.index, this.storeId)));
  }

  /**
   * `buildSemantic()` in slices, awaiting `pause()` between them so searches keep answering
   * with the previous model (or none). False, and nothing changed, when the index changed
   * meanwhile.
   */
  async buildSemanticInSteps(pause: () => Promise<void>): Promise<boolean> {
    const built = await this.inSteps(buildTermVectors(this.index, this.storeId), pause);
    if (built === false) return false;
    this.finishModel(built);
    return true;
  }

  /**
   * Builds the semantic model in slices when it is `semanticStale` (see `buildSemanticInSteps`);
   * false when the index changed meanwhile, true otherwise.
   */
  refreshSemantic(pause: () => Promise<void>): Promise<boolean> {
    return this.semanticStale ? this.buildSemanticInSteps(pause) : Promise.resolve(true);
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
    const json = await this.inSteps(serializeInSteps(this), pause);
    return json === false ? undefined : json;
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
      neighbours: this.neighbours,
    };
    const words = rarest(
      splitCompounds(parseQuery(query, options.langs), this.index, options.langs?.[0]),
      ctx,
      SCORED_WORDS,
    );
    if (words.length === 0) return [];
    const matched = new Set<string>();
    const perWord = words.map((w) => variantsOf(w, ctx));
    const related = this.vocabulary?.expand(query, words, perWord, this.index);
    const touched = this.scorer.accumulate([...perWord, ...(related?.loose ?? [])], matched);
    const visible = (slot: number) => this.store.visible(slot, options.filter);
    const typed = words.flatMap((w) => this.index.termIds.get(w.term) ?? []);
    if (this.features.feedback)
      this.scorer.feedback(touched, new Set(typed), this.heads, this.storeId, visible);
    const rerank = options.rerank ?? this.features.rerank;
    const pool = rerank || this.model !== undefined ? Math.max(limit, RERANK_POOL) : limit;
    const top = new TopK(pool, this.storeId);
    for (const slot of touched) {
      const score = this.scorer.take(slot);
      if (visible(slot))
        top.push(slot, score * this.store.boost(slot, options.boost, APP_BOOST, SCREEN_BOOST));
    }
    const ranked = this.refine(top.result(), words, { typed, related: related?.added }, rerank);
    const wanted = new WantedTerms(matched);
    return ranked.slice(0, limit).map((c) => this.hit(c, wanted));
  }

  /** The re-ranking stages over the pool: by title, then by meaning. */
  private refine(
    pool: Candidate[],
    words: QueryWord[],
    meaning: { typed: number[]; related: Variant[] | undefined },
    rerank: boolean,
  ): Candidate[] {
    let ranked = pool;
    if (rerank) ranked = rerankByTitle(ranked, (slot) => this.store.titleWords(slot), words);
    if (this.model !== undefined && this.features.semantic)
      ranked = rerankByMeaning(ranked, this.model, meaning.typed, this.storeId, meaning.related);
    return ranked;
  }

  private readonly storeId = (slot: number): string => this.store.ids[slot]!;

  private useVectors(vectors: TermVectors): void {
    this.model = new SemanticModel(vectors, this.index, this.heads);
  }

  private finishModel(vectors: TermVectors | undefined): void {
    this.model = undefined;
    if (vectors !== undefined) this.useVectors(vectors);
    this.modelAt = { changes: this.changes, size: this.index.liveCount };
  }

  /** Runs a generator to its end, pausing between steps; false when the index changed. */
  private async inSteps<T>(steps: Generator<void, T>, pause: () => Promise<void>) {
    const at = this.changes;
    for (;;) {
      const step = steps.next();
      if (step.done === true) return step.value;
      await pause();
      if (this.changes !== at) return false as const;
    }
  }

  private hit({ slot, score }: Candidate, wanted: WantedTerms): SearchHit {
    const title = this.store.titles[slot]!;
    const lang = this.store.langs[slot];
    const highlights = [
      highlight('title', title, wanted, 200, lang),
      highlight('summary', this.store.summaries[slot]!, wanted, 200, lang),
      highlight('body', this.store.excerpts[slot]!, wanted, 160, lang),
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

/** Runs a generator to its end at once. */
function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}
