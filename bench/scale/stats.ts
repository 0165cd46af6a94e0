/** Latencies and outcomes of one phase, per kind of request. */
export class PhaseStats {
  readonly latencies = new Map<string, number[]>();
  readonly statuses = new Map<number, number>();
  errors = 0;
  gone = 0;
  serverErrors = 0;

  record(kind: string, status: number, ms: number): void {
    const list = this.latencies.get(kind) ?? [];
    list.push(ms);
    this.latencies.set(kind, list);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (status === 410) this.gone += 1;
    if (status >= 500) this.serverErrors += 1;
  }

  /** Adds another thread's figures (the authors'). */
  merge(other: {
    latencies: [string, number[]][];
    statuses: [number, number][];
    errors: number;
  }): void {
    for (const [kind, list] of other.latencies)
      this.latencies.set(kind, [...(this.latencies.get(kind) ?? []), ...list]);
    for (const [status, n] of other.statuses) {
      this.statuses.set(status, (this.statuses.get(status) ?? 0) + n);
      if (status === 410) this.gone += n;
      if (status >= 500) this.serverErrors += n;
    }
    this.errors += other.errors;
  }

  count(kind?: string): number {
    if (kind !== undefined) return this.latencies.get(kind)?.length ?? 0;
    return [...this.latencies.values()].reduce((n, list) => n + list.length, 0);
  }

  /** The q-quantile (0..1) of a kind's latencies in ms, or undefined without any. */
  quantile(kind: string, q: number): number | undefined {
    const list = [...(this.latencies.get(kind) ?? [])].sort((a, b) => a - b);
    if (list.length === 0) return undefined;
    return list[Math.min(list.length - 1, Math.floor(q * list.length))];
  }

  /** Every kind's latencies together (a phase's overall p99). */
  quantileAll(q: number, kinds: string[]): number | undefined {
    const list = kinds.flatMap((k) => this.latencies.get(k) ?? []).sort((a, b) => a - b);
    if (list.length === 0) return undefined;
    return list[Math.min(list.length - 1, Math.floor(q * list.length))];
  }
}
