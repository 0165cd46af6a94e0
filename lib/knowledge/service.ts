import type { Item } from '@/lib/content-model';
import type { Detection } from '@/lib/context';
import {
  allPublishedItems,
  allProgress,
  countApps,
  countItems,
  dismissedTipIds,
  dismissTip,
  getApp,
  getItem,
  getItems,
  getSettings,
  getSyncState,
  getVote,
  itemsForApp,
  setVote,
  type WaymarkDatabase,
} from '@/lib/db';
import type {
  InPageTip,
  ItemSummary,
  ItemView,
  PageItems,
  PageKnowledge,
  PathView,
  SearchResult,
  StatusResult,
} from '@/lib/messages';
import type { FeedbackReason } from '@/lib/insights';
import type { SearchHit } from '@/lib/search';
import type { InsightRecorder } from './insights';
import {
  contextQuery,
  fitsAudience,
  fitsPage,
  needsVerification,
  rankForPage,
} from './page-ranking';
import { SearchCache } from './search-cache';
import type { TabPages } from './tab-pages';

const PAGE_ITEMS_LIMIT = 30;

/** Search lifts items for the current app, and more those for the current `app:screen`. */
function boostFor(detection: Detection): { app: string; screen?: string } | undefined {
  if (detection.app === null) return undefined;
  return detection.screen === null
    ? { app: detection.app }
    : { app: detection.app, screen: `${detection.app}:${detection.screen}` };
}

function summary(item: Item, now: Date): ItemSummary {
  return {
    id: item.id,
    type: item.type,
    title: item.title,
    summary: item.summary,
    needsVerification: needsVerification(item, now),
  };
}

function toResult(hit: SearchHit, item: Item, now: Date): SearchResult {
  const title = hit.highlights.find((h) => h.field === 'title');
  const snippet = hit.highlights.find((h) => h.field !== 'title');
  return {
    ...summary(item, now),
    titleRanges: title?.text === item.title ? title.ranges : [],
    snippet: snippet?.text ?? item.summary,
    snippetRanges: snippet?.ranges ?? [],
  };
}

/**
 * What the background answers about knowledge: page items and tips, search, items, votes, paths.
 * It owns no browser APIs (tab state comes in through `TabPages`), so it is tested on fake-indexeddb.
 */
export class KnowledgeService {
  readonly search: SearchCache;

  constructor(
    private readonly db: WaymarkDatabase,
    private readonly tabs: TabPages,
    private readonly now: () => Date = () => new Date(),
    /** Where usage events go (lib/knowledge/insights.ts); none in tests that do not look. */
    private readonly insights?: InsightRecorder,
  ) {
    this.search = new SearchCache(db);
  }

  /** Records an insight without ever failing the answer the user waits for. */
  async #note(record: ((insights: InsightRecorder) => Promise<void>) | undefined): Promise<void> {
    if (this.insights === undefined || record === undefined) return;
    try {
      await record(this.insights);
    } catch (error) {
      console.warn('Waymark insights: could not record an event', error);
    }
  }

  async #audience() {
    const { role, team } = await getSettings(this.db);
    return { role, team };
  }

  /** Items that fit `detection` for this learner, best first. */
  async #pageItems(detection: Detection): Promise<Item[]> {
    if (detection.app === null) return [];
    const audience = await this.#audience();
    const candidates = (await itemsForApp(this.db, detection.app)).filter(
      (item) => fitsPage(item, detection) && fitsAudience(item, audience),
    );
    const query = contextQuery(detection);
    const relevance = new Map<string, number>();
    if (query !== '') {
      const index = await this.search.get();
      for (const hit of index.search(query, { limit: 100, boost: boostFor(detection) }))
        relevance.set(hit.id, hit.score);
    }
    // Company-wide items (no app) join a page only when its context makes them relevant.
    const kept = candidates.filter(
      (item) => item.targeting.apps.length > 0 || relevance.has(item.id),
    );
    return rankForPage(kept, detection, relevance);
  }

  async pageDetected(tabId: number | undefined, detection: Detection): Promise<PageKnowledge> {
    const previous = tabId === undefined ? undefined : await this.tabs.get(tabId);
    if (tabId !== undefined) await this.tabs.set(tabId, detection);
    const items = await this.#pageItems(detection);
    await this.#note((insights) => insights.pageViewed(previous, detection, items.length));
    const dismissed = await dismissedTipIds(this.db);
    const tips: InPageTip[] = items.flatMap((item) =>
      item.type === 'tip' && item.anchor !== undefined && !dismissed.has(item.id)
        ? [
            {
              id: item.id,
              title: item.title,
              body: item.body,
              anchor: item.anchor,
              placement: item.placement,
            },
          ]
        : [],
    );
    return { count: items.length, tips };
  }

  async pageItems(tabId: number): Promise<PageItems> {
    const detection = (await this.tabs.get(tabId)) ?? null;
    if (detection === null || detection.app === null)
      return { detection, appName: null, screenName: null, items: [] };
    const app = await getApp(this.db, detection.app);
    const now = this.now();
    const items = (await this.#pageItems(detection))
      .slice(0, PAGE_ITEMS_LIMIT)
      .map((item) => summary(item, now));
    return {
      detection,
      appName: app?.name ?? detection.app,
      screenName: app?.screens.find((s) => s.id === detection.screen)?.name ?? null,
      items,
    };
  }

  async searchItems(query: string, limit = 20, tabId?: number): Promise<SearchResult[]> {
    const detection = tabId === undefined ? undefined : await this.tabs.get(tabId);
    const index = await this.search.get();
    const boost = detection === undefined ? undefined : boostFor(detection);
    const audience = await this.#audience();
    const filter = {
      ...(audience.role ? { role: audience.role } : {}),
      ...(audience.team ? { team: audience.team } : {}),
    };
    const hits = index.search(query, { limit, filter, ...(boost ? { boost } : {}) });
    const now = this.now();
    // One read for every hit (not one transaction per hit): the first search after a sync
    // is measured against 100 ms.
    const items = new Map(
      (
        await getItems(
          this.db,
          hits.map((h) => h.id),
        )
      ).map((i) => [i.id, i]),
    );
    return hits.flatMap((hit) => {
      const item = items.get(hit.id);
      return item !== undefined && item.status === 'published' ? [toResult(hit, item, now)] : [];
    });
  }

  async item(id: string): Promise<ItemView | null> {
    const item = await getItem(this.db, id);
    if (item === undefined || item.status !== 'published') return null;
    const vote = await getVote(this.db, id);
    return {
      item,
      needsVerification: needsVerification(item, this.now()),
      ...(vote ? { vote: vote.helpful } : {}),
      ...(vote?.reason ? { reason: vote.reason } : {}),
    };
  }

  async vote(id: string, helpful: boolean, reason?: FeedbackReason): Promise<{ helpful: boolean }> {
    const previous = await getVote(this.db, id);
    await setVote(this.db, id, helpful, this.now().getTime(), reason);
    await this.#note((insights) => insights.feedback(id, { helpful, reason }, previous));
    return { helpful };
  }

  async dismissTip(id: string, tabId?: number): Promise<{ dismissed: true }> {
    await dismissTip(this.db, id);
    await this.#note((insights) => insights.tip('dismissed', tabId, [id]));
    return { dismissed: true };
  }

  /** Counted for the owners' health report: which tip, on which app and screen — no page content. */
  async tipUnresolved(id: string, app: string, screen: string | null): Promise<{ counted: true }> {
    await this.#note((insights) => insights.tipUnresolved(id, app, screen));
    return { counted: true };
  }

  /** Tips whose beacons the tab's page shows (only ids of tips in the store are counted). */
  async tipsShown(tabId: number | undefined, ids: readonly string[]): Promise<{ counted: number }> {
    const tips: string[] = [];
    for (const id of ids) if ((await getItem(this.db, id))?.type === 'tip') tips.push(id);
    await this.#note((insights) => insights.tip('shown', tabId, tips));
    return { counted: tips.length };
  }

  /** A tip's card opened on the page: the tip was opened from the page, as a suggestion. */
  async tipOpened(tabId: number | undefined, id: string): Promise<{ counted: boolean }> {
    const known = (await getItem(this.db, id))?.type === 'tip';
    if (known) await this.#note((insights) => insights.opened(tabId, id, 'tip'));
    return { counted: known };
  }

  async paths(): Promise<PathView[]> {
    const items = await allPublishedItems(this.db);
    const audience = await this.#audience();
    const byId = new Map(items.map((item) => [item.id, item]));
    const done = new Set(
      (await allProgress(this.db))
        .filter((p) => p.completedAt !== undefined)
        .map((p) => p.lessonId),
    );
    return items
      .filter((item) => item.type === 'path' && fitsAudience(item, audience))
      .map((path) => ({
        id: path.id,
        title: path.title,
        summary: path.summary,
        lessons: (path.type === 'path' ? path.lessons : [])
          .map((id) => byId.get(id))
          .filter((l): l is Item => l !== undefined)
          .map((lesson) => ({
            id: lesson.id,
            title: lesson.title,
            completed: done.has(lesson.id),
          })),
      }));
  }

  async status(): Promise<StatusResult> {
    const state = await getSyncState(this.db);
    return {
      apps: await countApps(this.db),
      items: await countItems(this.db),
      source: state.source ?? 'starter-pack',
      ...(state.lastSyncAt ? { lastSyncAt: new Date(state.lastSyncAt).toISOString() } : {}),
    };
  }
}
