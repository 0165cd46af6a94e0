import type { Item } from '@/lib/content-model';
import type { Detection } from '@/lib/context';
import {
  countApps,
  countItems,
  allApps,
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
  undismissTip,
  type WaymarkDatabase,
} from '@/lib/db';
import type {
  AnnouncementView,
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
import type { FeedbackReason } from '@/lib/insights';
import type { SearchHit } from '@/lib/search';
import { dueAnnouncements, finishAnnouncement } from './announcements';
import type { InsightRecorder } from './insights';
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
import { inLearnerVersions, inUserLanguage, queryLangs } from './language-versions';
import { UserLanguage } from './user-language';
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
  readonly #language: UserLanguage;

  constructor(
    private readonly db: WaymarkDatabase,
    private readonly tabs: TabPages,
    private readonly now: () => Date = () => new Date(),
    /** Where usage events go (lib/knowledge/insights.ts); none in tests that do not look. */
    private readonly insights?: InsightRecorder,
    /** The learner's UI language (BCP 47): which language version of an item they see. */
    uiLocale: () => Promise<string> = () => Promise.resolve('en'),
  ) {
    this.search = new SearchCache(db);
    this.#language = new UserLanguage(db, uiLocale);
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

  async #names(): Promise<AppNames> {
    return appNamesOf(await allApps(this.db));
  }

  /** The page's items for this learner: published, for this app and screen, for their audience. */
  async #pageCandidates(detection: Detection): Promise<Item[]> {
    if (detection.app === null) return [];
    const audience = await this.#audience();
    // Announcements are shown on their own (announcements.ts), not suggested for a page.
    const fitting = (await itemsForApp(this.db, detection.app)).filter(
      (item) =>
        item.type !== 'announcement' && fitsPage(item, detection) && fitsAudience(item, audience),
    );
    return inUserLanguage(fitting, await this.#language.preference());
  }

  /** The page's items ranked for its record: the strong matches, then the rest (suggest.ts). */
  async #suggest(detection: Detection, candidates: Item[]): Promise<PageSuggestions> {
    if (candidates.length === 0) return { relevant: [], more: [] };
    return suggestForPage(candidates, detection, await this.search.get());
  }

  async pageDetected(tabId: number | undefined, detection: Detection): Promise<PageKnowledge> {
    const previous = tabId === undefined ? undefined : await this.tabs.get(tabId);
    if (tabId !== undefined) await this.tabs.set(tabId, detection);
    const candidates = await this.#pageCandidates(detection);
    // Coverage counts every item for the screen; the launcher's count is what is relevant now.
    await this.#note((insights) => insights.pageViewed(previous, detection, candidates.length));
    const { relevant } = await this.#suggest(detection, candidates);
    const tips = inPageTips(candidates, await dismissedTipIds(this.db));
    const [announcement] = detection.app === null ? [] : await this.announcements(detection.app);
    return { count: relevant.length, tips, ...(announcement ? { announcement } : {}) };
  }

  /** Announcements due for the learner (on the page of `app`, when given), not yet closed. */
  async announcements(app?: string): Promise<AnnouncementView[]> {
    return dueAnnouncements(this.db, { now: this.now(), audience: await this.#audience(), app });
  }

  announcementDone(id: string, acknowledged: boolean): Promise<{ done: true }> {
    return finishAnnouncement(this.db, id, acknowledged, this.now().getTime());
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
    const pref = await this.#language.preference();
    const versions = await this.#language.versionsFor(pref);
    // Other language versions take places in the ranking until mapped to the learner's.
    const asked = versions.size === 0 ? pool : Math.min(100, pool * 2);
    const hits = inLearnerVersions(
      index.search(query, {
        limit: asked,
        filter,
        ...(boost ? { boost } : {}),
        langs: queryLangs(pref),
      }),
      versions,
    );
    const [now, names, current] = [
      this.now(),
      await this.#names(),
      app ?? detection?.app ?? undefined,
    ];
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
    const results: SearchResult[] = [];
    for (const hit of hits) {
      const item = items.get(hit.id);
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

  /** "Undo" after "Got it", or "Show again" in the panel: the tip's beacon comes back. */
  async undismissTip(id: string): Promise<{ dismissed: false }> {
    await undismissTip(this.db, id);
    return { dismissed: false };
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
    return learningPaths(this.db, await this.#audience(), await this.#language.preference());
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
}
