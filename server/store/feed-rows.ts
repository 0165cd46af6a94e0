import { FEED_PAGE_MAX_BYTES, type FeedPage, type Tombstone } from '@/lib/content-model';
import type { Audience } from './types';

/** One feed page as read from one snapshot: its JSON, and the sequence it was read at. */
export interface FeedRead {
  /** The page's JSON text: what the server sends (and caches) as it is. */
  json: string;
  cursor: string;
  more: boolean;
  /** The snapshot's last sequence: the page's ETag and `more` describe exactly it. */
  lastSeq: number;
  /** The page parsed (on first use), for callers that want objects. */
  readonly page: FeedPage;
}

/** One row of the feed, in sequence order: an item or app, live or a tombstone. */
export interface FeedRow {
  kind: 'item' | 'app';
  id: string;
  seq: number;
  deleted: boolean;
  /** Items only: the published copy learners see (it can trail a draft or review at the head). */
  liveBody: string | undefined;
  liveTeams: string[];
  /** Items only: whether a published copy was ever for every team, and for which teams. */
  seenPublic: boolean;
  seenTeams: string[];
  /** The stored JSON text, sent as is. */
  body: string;
}

/** Cursors are `<epoch>.<seq>`: opaque to clients, but tied to one database by its epoch. */
export function encodeCursor(epoch: string, seq: number): string {
  return `${epoch}.${seq}`;
}

const forTeam = (teams: string[], team: string | undefined): boolean =>
  teams.length === 0 || (team !== undefined && teams.includes(team));

/**
 * Learners see the live (last published) copy of an item, for everyone or for their team;
 * authors, reviewers and admins see the head of every item, whatever its status and team (they
 * author and review them). Apps are visible to everyone.
 */
export function isVisible(row: FeedRow, audience: Audience): boolean {
  if (row.deleted) return false;
  if (row.kind === 'app' || audience.role !== 'learner') return true;
  return row.liveBody !== undefined && forTeam(row.liveTeams, audience.team);
}

/**
 * Whether this audience could ever have been sent the row, so a tombstone for it carries no news.
 * A learner never hears of an item no published copy of was ever for them: ids often carry
 * titles, and a tombstone naming another team's or an unpublished draft's id would leak it.
 */
export function wasEverVisible(row: FeedRow, audience: Audience): boolean {
  if (row.kind === 'app' || audience.role !== 'learner') return true;
  return row.seenPublic || (audience.team !== undefined && row.seenTeams.includes(audience.team));
}

/** The JSON an audience gets for a visible row: learners the live copy, the others the head. */
export function bodyFor(row: FeedRow, audience: Audience): string {
  return row.kind === 'item' && audience.role === 'learner' ? (row.liveBody ?? row.body) : row.body;
}

/** Bytes of the page envelope and of the separators between entries, on top of the entries. */
const ENVELOPE_BYTES = 256;

/**
 * Builds one feed page from rows after `afterSeq` in sequence order: at most `limit` rows and at
 * most about FEED_PAGE_MAX_BYTES of JSON (always at least one row, so a huge item still gets
 * through). Each row is a whole object, a tombstone, or — for a learner who never could see it —
 * nothing; every row read moves the cursor, so every change a client missed reaches it.
 * Backends feed it rows from one snapshot until `add` answers false.
 */
export class PageBuilder {
  /** Stored JSON texts, sent as they are: a page is assembled, never parsed and re-serialised. */
  private readonly items: string[] = [];
  private readonly apps: string[] = [];
  private readonly deleted: Tombstone[] = [];
  private bytes = ENVELOPE_BYTES;
  private count = 0;
  private cursorSeq: number;

  constructor(
    private readonly audience: Audience,
    afterSeq: number,
    private readonly limit: number,
  ) {
    this.cursorSeq = afterSeq;
  }

  /** Takes the row if it fits; false when the page is full (the row is left for the next page). */
  add(row: FeedRow): boolean {
    if (this.count >= this.limit) return false;
    const visible = isVisible(row, this.audience);
    const tombstone = !visible && wasEverVisible(row, this.audience);
    const body = visible ? bodyFor(row, this.audience) : '';
    const size = visible ? Buffer.byteLength(body) + 1 : tombstone ? row.id.length + 30 : 0;
    if (this.count > 0 && this.bytes + size > FEED_PAGE_MAX_BYTES) return false;
    if (visible) (row.kind === 'item' ? this.items : this.apps).push(body);
    else if (tombstone) this.deleted.push({ kind: row.kind, id: row.id });
    this.bytes += size;
    this.count += 1;
    this.cursorSeq = row.seq;
    return true;
  }

  /** The page, with `more` while rows remain up to `lastSeq` (the snapshot's last change). */
  finish(epoch: string, lastSeq: number): FeedRead {
    const cursor = encodeCursor(epoch, this.cursorSeq);
    const more = this.cursorSeq < lastSeq;
    // The same bytes JSON.stringify would give the parsed page (FeedPage's key order).
    const json =
      `{"items":[${this.items.join(',')}],"apps":[${this.apps.join(',')}],` +
      `"deleted":${JSON.stringify(this.deleted)},"cursor":${JSON.stringify(cursor)},"more":${more}}`;
    let parsed: FeedPage | undefined;
    return {
      json,
      cursor,
      more,
      lastSeq,
      get page() {
        return (parsed ??= JSON.parse(json) as FeedPage);
      },
    };
  }
}
