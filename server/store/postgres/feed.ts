import { PageBuilder, type FeedRead, type FeedRow } from '../feed-rows';
import { parseTeams } from '../item-row';
import type { Audience } from '../types';
import type { Sql } from './connect';

interface RawRow {
  kind: 'item' | 'app';
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
  kind: raw.kind,
  id: raw.id,
  seq: raw.seq,
  deleted: raw.deleted,
  body: raw.body,
  liveBody: raw.live_body ?? undefined,
  liveTeams: parseTeams(raw.live_teams),
  seenPublic: raw.seen_public,
  seenTeams: parseTeams(raw.seen_teams),
});

/** Rows fetched per round trip: a page is usually filled by one or two. */
const BATCH = 100;

/**
 * One page and the sequence it was read at, from one REPEATABLE READ snapshot: the counter and
 * the rows agree, so `more` and the ETag describe exactly the rows sent. Rows come through a
 * cursor, so a page of huge items stops reading at about a megabyte.
 */
export async function feedPage(
  sql: Sql,
  epoch: string,
  audience: Audience,
  afterSeq: number,
  limit: number,
): Promise<FeedRead> {
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const [counter] = await tx<{ value: number }[]>`SELECT value FROM seq WHERE id = 1`;
    const lastSeq = counter?.value ?? 0;
    const builder = new PageBuilder(audience, afterSeq, limit);
    if (afterSeq < lastSeq) {
      const rows = tx<RawRow[]>`
        SELECT 'item' AS kind, id, seq, deleted, body, live_body, live_teams, seen_public,
          seen_teams FROM items WHERE seq > ${afterSeq}
        UNION ALL
        SELECT 'app' AS kind, id, seq, deleted, body, NULL, NULL, true, NULL
          FROM apps WHERE seq > ${afterSeq}
        ORDER BY seq`.cursor(Math.min(BATCH, limit));
      read: for await (const batch of rows)
        for (const raw of batch) if (!builder.add(toRow(raw))) break read;
    }
    return builder.finish(epoch, lastSeq);
  });
}
