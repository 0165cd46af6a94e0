import { appSchema, itemSchema, type AppDefinition, type Item } from '@/lib/content-model';
import { systemClock, type Clock } from './clock';
import { epochOf, openDatabase, type Db } from './db';
import { readItemHead, writeItemRow } from './item-rows';

/** A change that breaks the version rule: a stored item may only move to a higher version. */
export class VersionConflictError extends Error {}

/** One row of the feed, in sequence order: an item or app, live or a tombstone. */
export interface FeedRow {
  kind: 'item' | 'app';
  id: string;
  seq: number;
  deleted: boolean;
  /** Items only: for the visibility check without parsing the body. */
  status: string | undefined;
  teams: string[];
  /** Items only: the published copy learners see (it can trail a draft or review at the head). */
  liveBody: string | undefined;
  liveTeams: string[];
  /** The stored JSON text, sent as is. */
  body: string;
}

interface RawRow {
  kind: 'item' | 'app';
  id: string;
  seq: number;
  deleted: number;
  status: string | null;
  teams: string | null;
  body: string;
  live_body: string | null;
  live_teams: string | null;
}

/** The server's content: items with their versions, apps, and the feed sequence. */
export class Store {
  readonly epoch: string;

  /** The time now, for every stamp and date the server writes (tests pass a fixed clock). */
  readonly now: Clock;

  constructor(
    readonly db: Db,
    options: { now?: Clock } = {},
  ) {
    this.epoch = epochOf(db);
    this.now = options.now ?? systemClock;
  }

  static open(file: string, options: { now?: Clock } = {}): Store {
    return new Store(openDatabase(file), options);
  }

  close(): void {
    this.db.close();
  }

  /** The last sequence number handed out (0 for an empty database). */
  lastSeq(): number {
    return (this.db.prepare('SELECT value FROM seq WHERE id = 1').get() as { value: number }).value;
  }

  /** Hands out the next feed sequence number; call inside the write's transaction. */
  nextSeq(): number {
    return (
      this.db.prepare('UPDATE seq SET value = value + 1 WHERE id = 1 RETURNING value').get() as {
        value: number;
      }
    ).value;
  }

  isEmpty(): boolean {
    const row = this.db
      .prepare('SELECT (SELECT count(*) FROM items) + (SELECT count(*) FROM apps) AS n')
      .get() as { n: number };
    return row.n === 0;
  }

  getItem(id: string): Item | undefined {
    const row = this.db.prepare('SELECT body FROM items WHERE id = ? AND deleted = 0').get(id) as
      { body: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.body) as Item);
  }

  /**
   * Stores an item (validated) as its newest version and gives it the next sequence number.
   * Re-sending the stored body is a no-op; any other change needs a higher `version`.
   * Returns the item's sequence number.
   */
  upsertItem(input: unknown, author: string | undefined): number {
    const item = itemSchema.parse(input);
    const body = JSON.stringify(item);
    return this.db.transaction(() => {
      const current = readItemHead(this.db, item.id);
      if (current !== undefined && !current.deleted && current.body === body) return current.seq;
      if (current !== undefined && item.version <= current.item.version)
        throw new VersionConflictError(
          `item "${item.id}" is at version ${current.item.version}; a change needs a higher version (got ${item.version})`,
        );
      const seq = this.nextSeq();
      // A plain write is the whole truth: a draft or review here takes any live copy down.
      writeItemRow(this.db, item, seq, { author, at: this.now(), keepLive: false });
      return seq;
    })();
  }

  /** Deletes an item, leaving a tombstone at a new sequence number; false if there was none. */
  deleteItem(id: string): boolean {
    return this.tombstone('items', id);
  }

  /** Stores an app definition (validated); re-sending the same body is a no-op. */
  upsertApp(input: unknown): number {
    const app: AppDefinition = appSchema.parse(input);
    const body = JSON.stringify(app);
    return this.db.transaction(() => {
      const current = this.db
        .prepare('SELECT body, seq, deleted FROM apps WHERE id = ?')
        .get(app.id) as { body: string; seq: number; deleted: number } | undefined;
      if (current !== undefined && current.deleted === 0 && current.body === body)
        return current.seq;
      const seq = this.nextSeq();
      this.db
        .prepare(
          `INSERT INTO apps (id, body, seq, deleted) VALUES (?, ?, ?, 0)
           ON CONFLICT (id) DO UPDATE SET body = excluded.body, seq = excluded.seq, deleted = 0`,
        )
        .run(app.id, body, seq);
      return seq;
    })();
  }

  deleteApp(id: string): boolean {
    return this.tombstone('apps', id);
  }

  private tombstone(table: 'items' | 'apps', id: string): boolean {
    return this.db.transaction(() => {
      const row = this.db.prepare(`SELECT deleted FROM ${table} WHERE id = ?`).get(id) as
        { deleted: number } | undefined;
      if (row === undefined || row.deleted === 1) return false;
      this.db
        .prepare(`UPDATE ${table} SET deleted = 1, seq = ? WHERE id = ?`)
        .run(this.nextSeq(), id);
      return true;
    })();
  }

  /** Rows changed after `afterSeq`, oldest first; iterate lazily so a page reads only what it sends. */
  *rowsAfter(afterSeq: number): Generator<FeedRow> {
    const rows = this.db
      .prepare(
        `SELECT 'item' AS kind, id, seq, deleted, status, teams, body, live_body, live_teams
           FROM items WHERE seq > @after
         UNION ALL
         SELECT 'app' AS kind, id, seq, deleted, NULL, NULL, body, NULL, NULL
           FROM apps WHERE seq > @after
         ORDER BY seq`,
      )
      .iterate({ after: afterSeq }) as IterableIterator<RawRow>;
    for (const row of rows) {
      yield {
        kind: row.kind,
        id: row.id,
        seq: row.seq,
        deleted: row.deleted === 1,
        status: row.status ?? undefined,
        teams: row.teams === null ? [] : (JSON.parse(row.teams) as string[]),
        body: row.body,
        liveBody: row.live_body ?? undefined,
        liveTeams: row.live_teams === null ? [] : (JSON.parse(row.live_teams) as string[]),
      };
    }
  }

  /** Every stored version of an item, oldest first (the history behind `version`). */
  itemVersions(id: string): { version: number; author: string | undefined; created_at: string }[] {
    const rows = this.db
      .prepare(
        'SELECT version, author, created_at FROM item_versions WHERE id = ? ORDER BY version',
      )
      .all(id) as { version: number; author: string | null; created_at: string }[];
    return rows.map((r) => ({ ...r, author: r.author ?? undefined }));
  }
}
