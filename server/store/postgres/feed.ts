import { PageBuilder, type FeedRead, type FeedRow } from '../feed-rows';
import { parseTeams } from '../item-row';
import type { Audience } from '../types';
import type { Sql } from './connect';

interface RawRow {
  last_seq: number;
  /** null: the counter's row alone, when no row follows the cursor. */
  kind: 'item' | 'app' | null;
  id: string;
  seq: number;
  deleted: boolean;
  body: string;
  live_body: string | null;
  live_teams: string | null;
  seen_public: boolean;
  seen_teams: string | null;
}

const toRow = (raw: RawRow): FeedRow => ({
  kind: raw.kind ?? 'item',
  id: raw.id,
  seq: raw.seq,
  deleted: raw.deleted,
  body: raw.body,
  liveBody: raw.live_body ?? undefined,
  liveTeams: parseTeams(raw.live_teams),
  seenPublic: raw.seen_public,
  seenTeams: parseTeams(raw.seen_teams),
});

/** Rows fetched per statement: a page near the head (the usual one) is read by one. */
const BATCH = 100;

/**
 * Up to `batch` rows after `after`, in sequence order, no later than the counter — read in the
 * same statement (one snapshot) the first time (`upTo` undefined), then bounded by it.
 */
function rowsAfter(sql: Sql, after: number, upTo: number | undefined, batch: number) {
  const last = upTo === undefined ? sql`s.value` : sql`${upTo}::bigint`;
  return sql<RawRow[]>`
    SELECT ${last} AS last_seq, r.* FROM seq s LEFT JOIN LATERAL (
      SELECT 'item' AS kind, id, seq, deleted, body, live_body, live_teams, seen_public,
        seen_teams FROM items WHERE seq > ${after} AND seq <= ${last}
      UNION ALL
      SELECT 'app', id, seq, deleted, body, NULL, NULL, true, NULL
        FROM apps WHERE seq > ${after} AND seq <= ${last}
      ORDER BY seq LIMIT ${batch}
    ) r ON true
    WHERE s.id = 1`;
}

/**
 * One page and the sequence it was read at. The first statement reads the counter and the first
 * rows from one snapshot; any further batch is bounded by that counter. Numbers are handed out in
 * commit order, so every row at or below it was committed before that snapshot: a later batch can
 * miss nothing (a row that moved on since then is sent at its new number, after this page), and
 * `more` and the ETag describe the counter the page was read at. Reading in batches stops a page
 * of huge items at about a megabyte. Usually one round trip: no transaction to open or close.
 */
export async function feedPage(
  sql: Sql,
  epoch: string,
  audience: Audience,
  afterSeq: number,
  limit: number,
): Promise<FeedRead> {
  const builder = new PageBuilder(audience, afterSeq, limit);
  let lastSeq: number | undefined;
  let after = afterSeq;
  for (let taken = 0; taken < limit;) {
    const batch = Math.min(BATCH, limit - taken);
    const rows = await rowsAfter(sql, after, lastSeq, batch);
    lastSeq ??= rows[0]?.last_seq ?? 0;
    const found = rows.filter((raw) => raw.kind !== null);
    for (const raw of found) {
      if (!builder.add(toRow(raw))) return builder.finish(epoch, lastSeq);
      taken += 1;
      after = raw.seq;
    }
    if (found.length < batch) break;
  }
  return builder.finish(epoch, lastSeq ?? 0);
}
