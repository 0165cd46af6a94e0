import { boundedDistance } from './edit-distance';

/** Edits allowed for a typed word of this length: none below 4 letters, 1 up to 7, 2 from 8. */
export function maxEdits(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

const FUZZY_TERM = /^[a-z]{3,24}$/;

/**
 * Typo candidates by deletion neighbourhoods (SymSpell, Garbe 2012): every vocabulary term is filed
 * under itself and each string one deletion away; a typed word looks up itself and the strings up
 * to two deletions away. Two strings meet when one insertion, deletion, substitution or swap
 * separates them, and for long words also most two-edit pairs (two insertions, one insertion plus
 * a substitution); a bounded Damerau-Levenshtein check then confirms each candidate.
 * Only letter-only terms are filed: numbers and codes ("8306", "5.6.0") must match exactly.
 */
export class FuzzyVocabulary {
  private readonly buckets = new Map<string, number | number[]>();
  private filed = 0;

  /** Files the terms with ids from the last call's end up to `terms.length`. */
  update(terms: readonly string[]): void {
    for (; this.filed < terms.length; this.filed++) {
      const term = terms[this.filed]!;
      if (!FUZZY_TERM.test(term)) continue;
      this.file(term, this.filed);
      for (let i = 0; i < term.length; i++)
        this.file(term.slice(0, i) + term.slice(i + 1), this.filed);
    }
  }

  /** Ids of terms within `maxEdits(word.length)` of `word`, with their distance (0 excluded). */
  lookup(word: string, terms: readonly string[]): Map<number, number> {
    const found = new Map<number, number>();
    const max = maxEdits(word.length);
    if (max === 0 || !FUZZY_TERM.test(word)) return found;
    for (const key of deletions(word, max)) {
      const hit = this.buckets.get(key);
      if (hit === undefined) continue;
      for (const id of typeof hit === 'number' ? [hit] : hit) {
        if (found.has(id)) continue;
        const d = boundedDistance(word, terms[id]!, max);
        found.set(id, d);
      }
    }
    for (const [id, d] of found) if (d === 0 || d > max) found.delete(id);
    return found;
  }

  private file(key: string, id: number): void {
    const hit = this.buckets.get(key);
    if (hit === undefined) this.buckets.set(key, id);
    else if (typeof hit === 'number') {
      if (hit !== id) this.buckets.set(key, [hit, id]);
    } else if (hit[hit.length - 1] !== id) hit.push(id);
  }
}

/** `word` and every distinct string up to `depth` deletions away. */
export function deletions(word: string, depth: number): Set<string> {
  const out = new Set([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const del = w.slice(0, i) + w.slice(i + 1);
        if (del.length > 0 && !out.has(del)) {
          out.add(del);
          next.push(del);
        }
      }
    }
    frontier = next;
  }
  return out;
}
