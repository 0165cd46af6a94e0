/** One encoded feed response, ready to send. */
export interface CachedPage {
  /** The ETag without W/ (the handler marks it weak when the bytes are compressed). */
  tag: string;
  body: Buffer;
  encoding: 'br' | 'gzip' | undefined;
  /** The sequence the page was read at: entries for older sequences are dead weight. */
  seq: number;
}

/**
 * The feed's serialised and compressed pages, per (database, last sequence, audience, cursor,
 * limit, encoding). A key names everything the bytes depend on, so an entry is never stale: a
 * change moves the last sequence and the next request asks for another key. Every instance
 * builds the same bytes and the same ETag for a key, so a client may move between instances.
 *
 * Bounded by bytes, least recently used first; concurrent misses for one key share one build
 * (a herd of clients asking for the same new page builds it once).
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly building = new Map<string, Promise<CachedPage>>();
  private bytes = 0;
  private newestSeq = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /** The cached page for `key`, or the one `build` makes (shared by concurrent callers). */
  async get(key: string, build: () => Promise<CachedPage>): Promise<CachedPage> {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const pending = this.building.get(key);
    if (pending !== undefined) return pending;
    const made = build().finally(() => this.building.delete(key));
    this.building.set(key, made);
    const page = await made;
    this.put(key, page);
    return page;
  }

  private put(key: string, page: CachedPage): void {
    if (page.seq > this.newestSeq) this.dropOlderThan((this.newestSeq = page.seq));
    if (page.seq < this.newestSeq || page.body.length > this.maxBytes / 4) return;
    this.entries.set(key, page);
    this.bytes += page.body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length;
    }
  }

  private dropOlderThan(seq: number): void {
    for (const [key, entry] of this.entries)
      if (entry.seq < seq) {
        this.entries.delete(key);
        this.bytes -= entry.body.length;
      }
  }
}
