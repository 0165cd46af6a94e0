import { PageBuilder, type FeedRead, type FeedRow } from '../feed-rows';
import { parseTeams } from '../item-row';
import type { Audience } from '../types';
import { lastSeqOf, type Db } from './database';

interface RawRow {
  kind: 'item' | 'app';
  id: string;
  seq: number;
  deleted: number;
  body: string;
  live_body: string | null;
  live_teams: string | null;
  seen_public: number;
  seen_teams: string | null;
}

const toRow = (raw: RawRow): FeedRow => ({
  kind: raw.kind,
  id: raw.id,
  seq: raw.seq,
  deleted: raw.deleted === 1,
  body: raw.body,
  liveBody: raw.live_body ?? undefined,
  liveTeams: parseTeams(raw.live_teams),
  seenPublic: raw.seen_public === 1,
  seenTeams: parseTeams(raw.seen_teams),
});

/**
 * One page and the sequence it was read at, in one read transaction (WAL gives it a snapshot):
 * rows are read lazily, so a page reads only what it sends.
 */
export function feedPage(
  db: Db,
  epoch: string,
  audience: Audience,
  afterSeq: number,
  limit: number,
): FeedRead {
  return db.transaction(() => {
    const lastSeq = lastSeqOf(db);
    const builder = new PageBuilder(audience, afterSeq, limit);
    const rows = db
      .prepare(
        `SELECT 'item' AS kind, id, seq, deleted, body, live_body, live_teams, seen_public,
           seen_teams FROM items WHERE seq > @after
         UNION ALL
         SELECT 'app' AS kind, id, seq, deleted, body, NULL, NULL, 1, NULL
           FROM apps WHERE seq > @after
         ORDER BY seq`,
      )
      .iterate({ after: afterSeq }) as IterableIterator<RawRow>;
    for (const raw of rows) if (!builder.add(toRow(raw))) break;
    return builder.finish(epoch, lastSeq);
  })();
}
