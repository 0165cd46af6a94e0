/**
 * Prefix lookup for the word being typed: term ids sorted by term, re-sorted lazily after terms
 * are added. A loaded index arrives sorted (terms are serialized in order), so this is free there.
 */
export class PrefixLookup {
  private sorted: number[] = [];
  private known = 0;

  constructor(sortedAlready = 0) {
    this.sorted = Array.from({ length: sortedAlready }, (_, i) => i);
    this.known = sortedAlready;
  }

  /** Ids of terms starting with `prefix`, the `limit` with the highest document frequency. */
  lookup(
    prefix: string,
    terms: readonly string[],
    df: (id: number) => number,
    limit: number,
  ): number[] {
    this.refresh(terms);
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[this.sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    // The scan is bounded: a two-letter prefix may cover thousands of terms.
    for (let i = lo; i < this.sorted.length && found.length < 2000; i++) {
      const id = this.sorted[i]!;
      if (!terms[id]!.startsWith(prefix)) break;
      if (df(id) > 0) found.push(id);
    }
    return found.sort((a, b) => df(b) - df(a) || (terms[a]! < terms[b]! ? -1 : 1)).slice(0, limit);
  }

  /** Files the terms added since the last call: sorts only those, then merges (linear). */
  refresh(terms: readonly string[]): void {
    if (this.known === terms.length) return;
    const byTerm = (a: number, b: number) =>
      terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0;
    const added = Array.from({ length: terms.length - this.known }, (_, i) => this.known + i);
    added.sort(byTerm);
    const merged = new Array<number>(this.sorted.length + added.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < merged.length; k++)
      merged[k] =
        j >= added.length || (i < this.sorted.length && byTerm(this.sorted[i]!, added[j]!) <= 0)
          ? this.sorted[i++]!
          : added[j++]!;
    this.sorted = merged;
    this.known = terms.length;
  }
}
