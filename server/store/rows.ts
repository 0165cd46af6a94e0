import type { Item, Role } from '@/lib/content-model';
import type { AnchorReport, UserListing } from './types';

/** A users row as both backends store it. */
export interface UserRow {
  email: string;
  role: Role;
  team: string | null;
  created_at: string;
  revoked_at: string | null;
}

export const toListing = (row: UserRow): UserListing => ({
  email: row.email,
  role: row.role,
  team: row.team ?? undefined,
  created_at: row.created_at,
  revoked_at: row.revoked_at ?? undefined,
});

/** An anchor report joined with its item's head, as both backends read it. */
export interface AnchorReportRow {
  item_id: string;
  app: string;
  screen: string;
  count: number;
  last_at: string;
  body: string;
}

export const toAnchorReport = (r: AnchorReportRow): AnchorReport => ({
  id: r.item_id,
  app: r.app,
  screen: r.screen,
  count: r.count,
  last_at: r.last_at,
  item: JSON.parse(r.body) as Item,
});
