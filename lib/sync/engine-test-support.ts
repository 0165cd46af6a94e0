import { type WaymarkDatabase } from '@/lib/db';
import type { ContentChange } from './apply';
import { createSyncEngine, type SyncEngineOptions } from './engine';
import type { FakeFeed } from './fake-feed';
import { createServerTransport } from './transport';

/** Test-only: an engine on `db` reading `feed`, recording its sleeps, logs and changes. */
export function engineFor(
  db: WaymarkDatabase,
  feed: FakeFeed,
  over: Partial<SyncEngineOptions> & { clock?: number } = {},
) {
  const now = () => over.clock ?? Date.parse('2026-11-28T12:00:00Z');
  const sleeps: number[] = [];
  const logs: string[] = [];
  const changes: ContentChange[] = [];
  const transport = createServerTransport({
    baseUrl: 'https://feed.example.com',
    token: feed.token,
    fetch: feed.fetch,
    now,
    limit: feed.pageSize,
  });
  const engine = createSyncEngine({
    db,
    transport,
    now,
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    log: (message) => logs.push(message),
    onChanged: (change) => {
      changes.push(change);
    },
    ...over,
  });
  return { engine, sleeps, logs, changes };
}

/** Test-only: the stored items as `id@version`, sorted. */
export async function storedItems(db: WaymarkDatabase): Promise<string[]> {
  const rows = await db.items.toArray();
  return rows.map((row) => `${row.id}@${row.item.version}`).sort();
}
