/**
 * A plain BM25 baseline for the search bench: what a textbook engine does with no knowledge of
 * fields, typos, stems or the corpus' vocabulary. Title, summary, tags and body as one text;
 * lower case, split on anything that is not a letter or digit, English stop words dropped
 * (Lucene's StandardAnalyzer does the same); Okapi BM25 with k1 = 1.2, b = 0.75 and the
 * Robertson-Spärck Jones IDF. It exists so the bench shows how far each technique is from it.
 */
import { idf } from '../fields';
import { STOP_WORDS } from '../stop-words';
import type { SearchDoc } from '../types';

const K1 = 1.2;
const B = 0.75;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !STOP_WORDS.has(w));
}

export class PlainBm25 {
  private readonly ids: string[] = [];
  private readonly lengths: number[] = [];
  private readonly postings = new Map<string, [number[], number[]]>();
  private totalLength = 0;

  constructor(docs: Iterable<SearchDoc>) {
    for (const doc of docs) this.add(doc);
  }

  private add(doc: SearchDoc): void {
    const slot = this.ids.length;
    const text = [doc.title, doc.summary ?? '', (doc.tags ?? []).join(' '), doc.body ?? ''];
    const counts = new Map<string, number>();
    const all = words(text.join(' '));
    for (const w of all) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const [w, tf] of counts) {
      let posting = this.postings.get(w);
      if (posting === undefined) this.postings.set(w, (posting = [[], []]));
      posting[0].push(slot);
      posting[1].push(tf);
    }
    this.ids.push(doc.id);
    this.lengths.push(all.length);
    this.totalLength += all.length;
  }

  /** Its postings as JSON, for the bench's index-size column. */
  toJSON() {
    return { ids: this.ids, lengths: this.lengths, postings: [...this.postings] };
  }

  /** Ids of the best `limit` documents for `query`, best first (ties by id). */
  search(query: string, limit: number): string[] {
    const n = this.ids.length;
    const avg = Math.max(1, this.totalLength / Math.max(1, n));
    const scores = new Map<number, number>();
    for (const w of new Set(words(query))) {
      const posting = this.postings.get(w);
      if (posting === undefined) continue;
      const [slots, tfs] = posting;
      const weight = idf(n, slots.length);
      slots.forEach((slot, i) => {
        const tf = tfs[i]!;
        const norm = tf + K1 * (1 - B + (B * this.lengths[slot]!) / avg);
        scores.set(slot, (scores.get(slot) ?? 0) + (weight * tf * (K1 + 1)) / norm);
      });
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || (this.ids[a[0]]! < this.ids[b[0]]! ? -1 : 1))
      .slice(0, limit)
      .map(([slot]) => this.ids[slot]!);
  }
}
