import { FIELD_COUNT, FIELDS, K1, idf, packTf, unpackTf } from './fields';

/**
 * Term → postings (ascending document slots, packed per-field term frequencies), plus the
 * per-slot field lengths BM25F needs. Slots are handed out in order and never reused, so postings
 * stay sorted when documents are added after a build; a removed slot is simply dead.
 */
export class InvertedIndex {
  readonly termIds = new Map<string, number>();
  readonly terms: string[] = [];
  readonly postingDocs: number[][] = [];
  readonly postingTfs: number[][] = [];
  /** Field lengths, FIELD_COUNT per slot; -1 in the first marks a dead slot. */
  readonly lengths: number[] = [];
  private readonly totals = new Array<number>(FIELD_COUNT).fill(0);
  liveCount = 0;
  private norms: Float64Array | undefined;
  /** Scratch for addDocument: counts per (term id, field), and the slot + 1 that last saw a term. */
  private counts = new Int32Array(0);
  private seenIn = new Int32Array(0);

  get slotCount(): number {
    return this.lengths.length / FIELD_COUNT;
  }

  isLive(slot: number): boolean {
    return (this.lengths[slot * FIELD_COUNT] ?? -1) >= 0;
  }

  /** Indexes a document's fields (each a list of index keys) under a new slot. */
  addDocument(fieldTerms: readonly (readonly string[])[]): number {
    const slot = this.slotCount;
    // Counts per (term id, field) in a reused typed array: no per-term allocation, which made
    // most of a 10k-item build's garbage.
    const seen: number[] = [];
    fieldTerms.forEach((list, field) => {
      for (const term of list) {
        const id = this.termId(term);
        const at = id * FIELD_COUNT;
        if (this.counts.length < at + FIELD_COUNT) this.growCounts(at + FIELD_COUNT);
        if (this.seenIn[id] !== slot + 1) {
          this.seenIn[id] = slot + 1;
          seen.push(at);
        }
        this.counts[at + field]!++;
      }
    });
    const tf = [0, 0, 0, 0];
    for (const at of seen) {
      for (let f = 0; f < FIELD_COUNT; f++) {
        tf[f] = this.counts[at + f]!;
        this.counts[at + f] = 0;
      }
      const id = at / FIELD_COUNT;
      this.postingDocs[id]!.push(slot);
      this.postingTfs[id]!.push(packTf(tf));
    }
    this.pushLengths(fieldTerms.map((list) => list.length));
    return slot;
  }

  private growCounts(needed: number): void {
    const grown = new Int32Array(Math.max(needed, this.counts.length * 2, 4096));
    grown.set(this.counts);
    this.counts = grown;
    const seenIn = new Int32Array(grown.length / FIELD_COUNT);
    seenIn.set(this.seenIn);
    this.seenIn = seenIn;
  }

  /** Appends a slot with known lengths (used when loading a serialized index). */
  pushLengths(lengths: readonly number[]): void {
    for (let f = 0; f < FIELD_COUNT; f++) {
      const length = lengths[f] ?? 0;
      this.lengths.push(length);
      if (length >= 0) this.totals[f]! += length;
    }
    if ((lengths[0] ?? 0) >= 0) this.liveCount++;
    this.norms = undefined;
  }

  /** Removes a slot from every posting list (binary search per term; updates are rare). */
  removeDocument(slot: number): void {
    if (!this.isLive(slot)) return;
    for (let id = 0; id < this.terms.length; id++) {
      const docs = this.postingDocs[id]!;
      const at = lowerBound(docs, slot);
      if (docs[at] === slot) {
        docs.splice(at, 1);
        this.postingTfs[id]!.splice(at, 1);
      }
    }
    for (let f = 0; f < FIELD_COUNT; f++) {
      this.totals[f]! -= this.lengths[slot * FIELD_COUNT + f]!;
      this.lengths[slot * FIELD_COUNT + f] = -1;
    }
    this.liveCount--;
    this.norms = undefined;
  }

  termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.postingDocs.push([]);
      this.postingTfs.push([]);
    }
    return id;
  }

  df(id: number): number {
    return this.postingDocs[id]?.length ?? 0;
  }

  /**
   * Adds `weight` × BM25F(term) to `scores` for every document containing it, keeping for each
   * document the best over the variants of one query word (exact, fuzzy, prefix) in `best`.
   */
  scoreTerm(id: number, weight: number, best: Float64Array, touched: number[]): void {
    const docs = this.postingDocs[id]!;
    const tfs = this.postingTfs[id]!;
    const norms = this.fieldNorms();
    const w = weight * idf(this.liveCount, docs.length) * (K1 + 1);
    for (let i = 0; i < docs.length; i++) {
      const slot = docs[i]!;
      const packed = tfs[i]!;
      const base = slot * FIELD_COUNT;
      let tf = 0;
      for (let f = 0; f < FIELD_COUNT; f++) tf += unpackTf(packed, f) * norms[base + f]!;
      const s = (w * tf) / (tf + K1);
      const old = best[slot]!;
      if (old === 0) touched.push(slot);
      if (s > old) best[slot] = s;
    }
  }

  /** Per slot and field: weight / (1 − b + b·length/average length), cached until a change. */
  fieldNorms(): Float64Array {
    if (this.norms !== undefined) return this.norms;
    const norms = new Float64Array(this.lengths.length);
    const live = Math.max(1, this.liveCount);
    FIELDS.forEach(({ weight, b }, f) => {
      const avg = Math.max(1, this.totals[f]! / live);
      for (let i = f; i < norms.length; i += FIELD_COUNT) {
        const length = Math.max(0, this.lengths[i]!);
        norms[i] = weight / (1 - b + (b * length) / avg);
      }
    });
    return (this.norms = norms);
  }
}

export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
