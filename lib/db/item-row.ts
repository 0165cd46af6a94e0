import type { Item } from '@/lib/content-model';

/** Index key standing for "every app" / "every screen": the content model's empty targeting list. */
export const ANYWHERE = '*';

/**
 * How an item is stored: the item itself, untouched, plus the keys it is indexed by. The item is
 * kept apart from the index keys so reading can validate it with `itemSchema` as it was written.
 */
export interface ItemRow {
  id: string;
  type: Item['type'];
  status: Item['status'];
  /** Targeted app ids (from `targeting.apps` and `targeting.screens`), or `['*']` for every app. */
  apps: string[];
  /** Targeted `app:screen` refs; `app:*` for every screen of an app; `*:*` for everywhere. */
  screens: string[];
  item: Item;
}

/** The index keys an item is found by: `*apps` and `*screens` are multi-entry indexes. */
export function indexKeys(item: Pick<Item, 'targeting'>): Pick<ItemRow, 'apps' | 'screens'> {
  const targeting = item.targeting as Partial<Item['targeting']> | undefined;
  const screenRefs = targeting?.screens ?? [];
  const apps = [
    ...new Set([...(targeting?.apps ?? []), ...screenRefs.map((ref) => ref.split(':')[0] ?? '')]),
  ];
  const appKeys = apps.length > 0 ? apps : [ANYWHERE];
  const screens = screenRefs.length > 0 ? screenRefs : appKeys.map((app) => `${app}:${ANYWHERE}`);
  return { apps: appKeys, screens };
}

export function toItemRow(item: Item): ItemRow {
  return { id: item.id, type: item.type, status: item.status, ...indexKeys(item), item };
}
