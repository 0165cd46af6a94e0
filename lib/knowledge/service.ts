import type { Item } from '@/lib/content-model';
import type { Detection } from '@/lib/context';
import {
  appendEvent,
  countAgain,
  countApps,
  countItems,
  allApps,
  dismissedTipIds,
  dismissTip,
  getApp,
  getItem,
  getSettings,
  getSyncState,
  getVote,
  itemsForApp,
  setVote,
  undismissTip,
  type WaymarkDatabase,
} from '@/lib/db';
import type {
  ItemSummary,
  ItemView,
  PageItems,
  PageKnowledge,
  PathView,
  SearchResult,
  StatusResult,
  TargetingOptions,
  WhatsNewView,
} from '@/lib/messages';
import type { SearchHit } from '@/lib/search';
import {
  appNamesOf,
  inPageTips,
  pageItem,
  screenNameOf,
  summarize,
  type AppNames,
} from './page-items';
import { fitsAudience, fitsPage, needsVerification } from './page-ranking';
import { SearchCache } from './search-cache';
import { suggestForPage, type PageSuggestions } from './suggest';
import { markWhatsNewSeen, requestContent, whatsNew } from './whats-new';
import { learningPaths, targetingOptions } from './catalogue-views';
import type { TabPages } from './tab-pages';

/** The panel lists this many items for a page at most ("relevant now" and "more" together). */
const PAGE_ITEMS_LIMIT = 30;
/** Search asks the index for this many more hits when it filters them to one app afterwards. */
const APP_FILTER_POOL = 4;

/** Search lifts items for the current app, and more those for the current `app:screen`. */
function boostFor(detection: Detection): { app: string; screen?: string } | undefined {
  if (detection.app === null) return undefined;
  return detection.screen === null
    ? { app: detection.app }
    : { app: detection.app, screen: `${detection.app}:${detection.screen}` };
}

const forApp = (item: Item, app: string | undefined) =>
  app !== undefined && (item.targeting.apps.length === 0 || item.targeting.apps.includes(app));

function toResult(hit: SearchHit, item: Item, summary: ItemSummary, app?: string): SearchResult {
  const title = hit.highlights.find((h) => h.field === 'title');
  const snippet = hit.highlights.find((h) => h.field !== 'title');
  return {
    ...summary,
    titleRanges: title?.text === item.title ? title.ranges : [],
    snippet: snippet?.text ?? item.summary,
    snippetRanges: snippet?.ranges ?? [],
    currentApp: forApp(item, app),
  };
}

/**
 * What the background answers about knowledge: page items and tips, search, items, votes, paths.
 * It owns no browser APIs (tab state comes in through `TabPages`), so it is tested on fake-indexeddb.
 */
export class KnowledgeService {
  readonly search: SearchCache;
  /**
   * The queued `tip-unresolved` event for each tip, app and screen: a tip failing on every page
   * view adds to that one event's count rather than a row per view. Kept in memory only: after a
   * service-worker restart the next failure starts a new event, and no count is lost either way.
   */
  readonly #unresolved = new Map<string, number>();

  constructor(
    private readonly db: WaymarkDatabase,
    private readonly tabs: TabPages,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.search = new SearchCache(db);
  }

  async #audience() {
    const { role, team } = await getSettings(this.db);
    return { role, team };
  }

  async #names(): Promise<AppNames> {
    return appNamesOf(await allApps(this.db));
  }

  /** The page's items for this learner: published, for this app and screen, for their audience. */
  async #pageCandidates(detection: Detection): Promise<Item[]> {
    if (detection.app === null) return [];
    const audience = await this.#audience();
    return (await itemsForApp(this.db, detection.app)).filter(
      (item) => fitsPage(item, detection) && fitsAudience(item, audience),
    );
  }

  /** The page's items ranked for its record: the strong matches, then the rest (suggest.ts). */
  async #suggest(detection: Detection, candidates: Item[]): Promise<PageSuggestions> {
    if (candidates.length === 0) return { relevant: [], more: [] };
    return suggestForPage(candidates, detection, await this.search.get());
  }

  async pageDetected(tabId: number | undefined, detection: Detection): Promise<PageKnowledge> {
    if (tabId !== undefined) await this.tabs.set(tabId, detection);
    const candidates = await this.#pageCandidates(detection);
    const { relevant } = await this.#suggest(detection, candidates);
    return { count: relevant.length, tips: inPageTips(candidates, await dismissedTipIds(this.db)) };
  }

  async pageItems(tabId: number, launcherHidden = false): Promise<PageItems> {
    const detection = (await this.tabs.get(tabId)) ?? null;
    const empty = {
      appName: null,
      screenName: null,
      relevant: [],
      more: [],
      hiddenTips: [],
      launcherHidden,
    };
    if (detection === null || detection.app === null) return { detection, ...empty };
    const app = await getApp(this.db, detection.app);
    const candidates = await this.#pageCandidates(detection);
    const { relevant, more } = await this.#suggest(detection, candidates);
    const dismissed = await dismissedTipIds(this.db);
    const screenName = screenNameOf(app, detection);
    const context = {
      now: this.now(),
      names: await this.#names(),
      screenName,
      role: (await this.#audience()).role,
    };
    return {
      detection,
      appName: app?.name ?? detection.app,
      screenName,
      relevant: relevant.map((s) => pageItem(s, context)),
      more: more.slice(0, PAGE_ITEMS_LIMIT - relevant.length).map((s) => pageItem(s, context)),
      hiddenTips: candidates
        .filter((item) => item.type === 'tip' && dismissed.has(item.id))
        .map((tip) => ({ id: tip.id, title: tip.title })),
      launcherHidden,
    };
  }

  targetingOptions(): Promise<TargetingOptions> {
    return targetingOptions(this.db);
  }

  async whatsNew(): Promise<WhatsNewView> {
    const audience = await this.#audience();
    return whatsNew(this.db, {
      now: this.now(),
      names: await this.#names(),
      audience: {
        ...(audience.role ? { role: audience.role } : {}),
        ...(audience.team ? { team: audience.team } : {}),
      },
    });
  }

  whatsNewSeen(): Promise<{ seenAt: string }> {
    return markWhatsNewSeen(this.db, this.now());
  }

  /** Queues a content request with the tab's app and screen; answers where it says it was made. */
  async requestContent(
    text: string,
    query: string | undefined,
    tabId: number | undefined,
  ): Promise<string | null> {
    const detection = tabId === undefined ? undefined : await this.tabs.get(tabId);
    await requestContent(this.db, { text, query, detection }, this.now().getTime());
    if (detection?.app == null) return null;
    const app = await getApp(this.db, detection.app);
    return [app?.name ?? detection.app, screenNameOf(app, detection)].filter(Boolean).join(' · ');
  }

  /**
   * Search over the local store, for this learner's role and team. Results for the page's app
   * come first (a bounded lift, never hiding a better match); `app` keeps only that app's items.
   */
  async searchItems(
    query: string,
    limit = 20,
    tabId?: number,
    app?: string,
  ): Promise<SearchResult[]> {
    const detection = tabId === undefined ? undefined : await this.tabs.get(tabId);
    const index = await this.search.get();
    const boost = detection === undefined ? undefined : boostFor(detection);
    const audience = await this.#audience();
    const filter = {
      ...(audience.role ? { role: audience.role } : {}),
      ...(audience.team ? { team: audience.team } : {}),
    };
    const pool = app === undefined ? limit : Math.min(100, limit * APP_FILTER_POOL);
    const hits = index.search(query, { limit: pool, filter, ...(boost ? { boost } : {}) });
    const [now, names, current] = [
      this.now(),
      await this.#names(),
      app ?? detection?.app ?? undefined,
    ];
    const results: SearchResult[] = [];
    for (const hit of hits) {
      const item = await getItem(this.db, hit.id);
      if (item === undefined || item.status !== 'published') continue;
      if (app !== undefined && !forApp(item, app)) continue;
      results.push(toResult(hit, item, summarize(item, now, names), current ?? undefined));
      if (results.length === limit) break;
    }
    // The page's app first; the index's order within each group.
    return [...results.filter((r) => r.currentApp), ...results.filter((r) => !r.currentApp)];
  }

  async item(id: string): Promise<ItemView | null> {
    const item = await getItem(this.db, id);
    if (item === undefined || item.status !== 'published') return null;
    const vote = await getVote(this.db, id);
    await this.#event('view', { id, type: item.type });
    return {
      item,
      needsVerification: needsVerification(item, this.now()),
      ...(vote ? { vote: vote.helpful } : {}),
    };
  }

  async vote(id: string, helpful: boolean): Promise<{ helpful: boolean }> {
    await setVote(this.db, id, helpful);
    await this.#event('vote', { id, helpful });
    return { helpful };
  }

  async dismissTip(id: string): Promise<{ dismissed: true }> {
    await dismissTip(this.db, id);
    return { dismissed: true };
  }

  /** "Undo" after "Got it", or "Show again" in the panel: the tip's beacon comes back. */
  async undismissTip(id: string): Promise<{ dismissed: false }> {
    await undismissTip(this.db, id);
    return { dismissed: false };
  }

  /** Counted for the owners' health report: which tip, on which app and screen — no page content. */
  async tipUnresolved(id: string, app: string, screen: string | null): Promise<{ counted: true }> {
    if (!(await getSettings(this.db)).usageEventsEnabled) return { counted: true };
    const key = JSON.stringify([id, app, screen]);
    const queued = this.#unresolved.get(key);
    const at = this.now().getTime();
    if (queued === undefined || !(await countAgain(this.db, queued, at))) {
      const event = { type: 'tip-unresolved', at, data: { id, app, screen } };
      this.#unresolved.set(key, await appendEvent(this.db, event));
    }
    return { counted: true };
  }

  async paths(): Promise<PathView[]> {
    return learningPaths(this.db, await this.#audience());
  }

  async status(): Promise<StatusResult> {
    const state = await getSyncState(this.db);
    return {
      apps: await countApps(this.db),
      items: await countItems(this.db),
      running: false,
      source: state.source ?? 'starter-pack',
      ...(state.lastSyncAt ? { lastSyncAt: new Date(state.lastSyncAt).toISOString() } : {}),
    };
  }

  async #event(type: string, data: Record<string, unknown>): Promise<void> {
    const { usageEventsEnabled } = await getSettings(this.db);
    if (usageEventsEnabled) await appendEvent(this.db, { type, data, at: this.now().getTime() });
  }
}
