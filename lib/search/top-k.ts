/** The `k` best (highest score; ties by lower key) of a stream, with a bounded min-heap. */
export class TopK {
  private readonly slots: number[] = [];
  private readonly scores: number[] = [];

  constructor(
    private readonly k: number,
    private readonly tieKey: (slot: number) => string,
  ) {}

  push(slot: number, score: number): void {
    if (this.slots.length < this.k) {
      this.slots.push(slot);
      this.scores.push(score);
      this.up(this.slots.length - 1);
    } else if (this.k > 0 && this.better(slot, score, 0)) {
      this.slots[0] = slot;
      this.scores[0] = score;
      this.down(0);
    }
  }

  /** Best first. */
  result(): { slot: number; score: number }[] {
    return this.slots
      .map((slot, i) => ({ slot, score: this.scores[i]! }))
      .sort((a, b) => b.score - a.score || compare(this.tieKey(a.slot), this.tieKey(b.slot)));
  }

  /** True when (slot, score) ranks above heap entry i. */
  private better(slot: number, score: number, i: number): boolean {
    const other = this.scores[i]!;
    if (score !== other) return score > other;
    return compare(this.tieKey(slot), this.tieKey(this.slots[i]!)) < 0;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.better(this.slots[parent]!, this.scores[parent]!, i)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < this.slots.length && this.better(this.slots[worst]!, this.scores[worst]!, l))
        worst = l;
      if (r < this.slots.length && this.better(this.slots[worst]!, this.scores[worst]!, r))
        worst = r;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(a: number, b: number): void {
    [this.slots[a], this.slots[b]] = [this.slots[b]!, this.slots[a]!];
    [this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!];
  }
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
