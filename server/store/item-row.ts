import type { Item } from '@/lib/content-model';
import type { ItemHead } from './types';

/** An item's stored row, as both backends keep it (JSON as text: jsonb would reorder keys). */
export interface ItemRow {
  id: string;
  type: string;
  status: string;
  teams: string;
  body: string;
  version: number;
  deleted: boolean;
  live_body: string | undefined;
  live_teams: string | undefined;
  /** A published copy was once for every team / for these teams (who may get a tombstone). */
  seen_public: boolean;
  seen_teams: string;
}

/**
 * The row that stores `item` as the item's new head over `current`. The live copy follows the
 * status: published replaces it, archived removes it; a draft or review either keeps the last
 * published copy live (`keepLive`, the governed edit) or takes it down (a plain store write).
 * Who has ever been able to see it only grows.
 */
export function nextItemRow(
  item: Item,
  current: Pick<ItemRow, 'live_body' | 'live_teams' | 'seen_public' | 'seen_teams'> | undefined,
  keepLive: boolean,
): ItemRow {
  const body = JSON.stringify(item);
  const teams = JSON.stringify(item.targeting.teams);
  const published = item.status === 'published';
  const keep = keepLive && (item.status === 'draft' || item.status === 'in_review');
  const seenTeams = new Set<string>(current === undefined ? [] : parseTeams(current.seen_teams));
  if (published) for (const team of item.targeting.teams) seenTeams.add(team);
  return {
    id: item.id,
    type: item.type,
    status: item.status,
    teams,
    body,
    version: item.version,
    deleted: false,
    live_body: keep ? current?.live_body : published ? body : undefined,
    live_teams: keep ? current?.live_teams : published ? teams : undefined,
    seen_public:
      (current?.seen_public ?? false) || (published && item.targeting.teams.length === 0),
    seen_teams: JSON.stringify([...seenTeams].sort()),
  };
}

export function parseTeams(text: string | undefined | null): string[] {
  return text === undefined || text === null ? [] : (JSON.parse(text) as string[]);
}

export function headOf(row: Pick<ItemRow, 'body' | 'deleted' | 'live_body'>): ItemHead {
  return {
    item: JSON.parse(row.body) as Item,
    deleted: row.deleted,
    live: row.live_body === undefined ? undefined : (JSON.parse(row.live_body) as Item),
  };
}
