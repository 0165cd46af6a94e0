import '@/lib/zod-csp';
import { Catalogue, type Detection } from '@/lib/context';
import type { AppDefinition } from '@/lib/content-model';
import { allApps, db, ensureStarterContent, getSyncState, type StarterReason } from '@/lib/db';
import { KnowledgeService, LessonProgressService } from '@/lib/knowledge';
import { envelope, type PanelView } from '@/lib/messages';
import { createRouter, type BackgroundMessage, type Handlers } from '@/lib/runtime/router';
import { sendTyped } from '@/lib/runtime/send';
import { loadStarterBundle } from './starter-bundle';
import { sessionTabStore } from './tab-store';
import { openPanel, openPanelInTab } from './panel';
import { openSharedItem } from './shared-link';
import { createSyncService } from './sync';
import { createAuthoring } from './authoring';
import { createInsights } from './insights';
import { createPageUi } from './page-ui';
import { createProviderSignIn } from './provider-sign-in';
import { backgroundLocale, pageStringsForTab } from './ui-locale';

/**
 * Wiring only: the local store, the starter pack, message handlers, the side panel and the
 * keyboard command. The answers themselves come from lib/knowledge.
 */
export default defineBackground(() => {
  const store = db();
  // Where each tab is (tests read the `tab:` keys): see tab-store.ts.
  const tabs = sessionTabStore<Detection>('tab');
  const insights = createInsights(store, tabs);
  // Learners see each item in their UI language when it has that version (language-versions.ts).
  const knowledge = new KnowledgeService(
    store,
    tabs,
    undefined,
    insights.recorder,
    backgroundLocale,
  );
  const lessons = new LessonProgressService(store, Date.now, insights.recorder);
  // The app catalogue, compiled once per content version (a sync can bring new or changed apps).
  let catalogue:
    | { version: number; apps: Promise<{ byId: Map<string, AppDefinition>; catalogue: Catalogue }> }
    | undefined;
  const appsCatalogue = async () => {
    const { contentVersion } = await getSyncState(store);
    if (catalogue?.version !== contentVersion) {
      const apps = allApps(store).then((list) => ({
        byId: new Map(list.map((a) => [a.id, a])),
        catalogue: new Catalogue(list),
      }));
      catalogue = { version: contentVersion, apps };
    }
    return catalogue.apps;
  };

  // The starter pack goes in on install and on every start while nothing was synced from a server.
  const ready = (reason: StarterReason) =>
    loadStarterBundle()
      .then((bundle) => ensureStarterContent(store, bundle, { reason }))
      .catch((error: unknown) => console.error('Waymark: could not load the starter pack', error));
  const sync = createSyncService(store, knowledge, () => void insights.flush());
  const authoring = createAuthoring(store, tabs);
  const providerSignIn = createProviderSignIn(sync);
  const pageUi = createPageUi(store);
  const toTab = (tabId: number) => (message: unknown) => browser.tabs.sendMessage(tabId, message);
  let starting = ready('startup');
  browser.runtime.onInstalled.addListener(({ reason }) => {
    starting = ready(reason === 'install' ? 'install' : 'update');
  });
  // Sync after the starter pack is in: on start-up, then on the alarm schedule and "Sync now".
  void starting.then(() => sync.start());
  // Registered at once, not after start-up: the alarm that wakes the worker must find its listener.
  insights.start();

  const notifyPanel = (payload: { tabId?: number; view?: PanelView; item?: string }) =>
    void browser.runtime.sendMessage(envelope('panel:show', payload)).catch(() => {
      // No side panel is open: nothing to tell.
    });

  const handlers: Handlers<BackgroundMessage> = {
    'bg:app-for-host': async ({ host }) => {
      await starting;
      const { byId, catalogue: compiled } = await appsCatalogue();
      const appId = compiled.appForHost(host);
      return (appId === undefined ? undefined : byId.get(appId)) ?? null;
    },
    'bg:page-strings': () => pageStringsForTab(),
    'bg:page-detected': async ({ detection }, sender) => {
      await starting;
      const result = await knowledge.pageDetected(sender.tab?.id, detection);
      notifyPanel({ ...(sender.tab?.id === undefined ? {} : { tabId: sender.tab.id }) });
      return result;
    },
    'bg:open-panel': ({ view }, sender) => openPanel(sender.tab?.id, view, notifyPanel),
    'bg:open-panel-tab': async ({ view }, sender) =>
      sender.tab?.id === undefined ? { opened: false } : openPanelInTab(sender.tab.id, view),
    'bg:dismiss-tip': ({ id }, sender) => knowledge.dismissTip(id, sender.tab?.id),
    'bg:undismiss-tip': ({ id }) => knowledge.undismissTip(id),
    'bg:tips-shown': ({ ids }, sender) => knowledge.tipsShown(sender.tab?.id, ids),
    'bg:tip-opened': ({ id }, sender) => knowledge.tipOpened(sender.tab?.id, id),
    'bg:insight': async (insight) => {
      await insights.recorder.panel(insight);
      return { recorded: true };
    },
    'bg:insights-view': () => insights.view(),
    'bg:usage-events': ({ enabled }) => insights.setUsageEvents(enabled),
    'bg:tip-unresolved': ({ id, app, screen }) => knowledge.tipUnresolved(id, app, screen),
    'bg:page-items': async ({ tabId }) => (
      await starting,
      knowledge.pageItems(tabId, await pageUi.hiddenOnTab(tabId))
    ),
    'bg:search': async ({ query, limit, tabId, app }) => (
      await starting,
      knowledge.searchItems(query, limit, tabId, app)
    ),
    'bg:item': ({ id }) => knowledge.item(id),
    'bg:vote': ({ id, helpful, reason }) => knowledge.vote(id, helpful, reason),
    'bg:lesson-progress': ({ id }) => lessons.progress(id),
    'bg:lesson-update': (change) => lessons.update(change),
    'bg:paths': async () => (await starting, knowledge.paths()),
    'bg:highlight': async ({ tabId, anchor, note }) =>
      sendTyped(toTab(tabId), 'cs:highlight', {
        anchor,
        ...(note === undefined ? {} : { note }),
      }).catch(() => ({ found: false })),
    'bg:status': async () => {
      await starting;
      const [status, account] = [await knowledge.status(), await sync.view()];
      return {
        ...status,
        running: account.sync.running,
        ...(account.sync.problem ? { problem: account.sync.problem } : {}),
      };
    },
    'bg:whats-new': async () => (await starting, knowledge.whatsNew()),
    'bg:whats-new-seen': () => knowledge.whatsNewSeen(),
    'bg:request-content': async ({ text, query, tabId }) => {
      const where = await knowledge.requestContent(text, query, tabId);
      const { signedIn } = await sync.view();
      // On its way now rather than at the next sync; kept on the device until the server confirms.
      if (signedIn) void insights.flush();
      return {
        where,
        delivery: signedIn
          ? 'It is on its way to your content server, and kept here until the server confirms it.'
          : 'Connect Waymark to your content server in its options to send it; it is kept here until then.',
      };
    },
    ...pageUi.handlers,
    'bg:account': () => sync.view(),
    'bg:connect': async ({ serverUrl, token, previous }) => (
      await starting,
      sync.connect(serverUrl, token, previous)
    ),
    'bg:sync-now': async () => (await starting, sync.syncNow()),
    'bg:sign-out': async () => (await providerSignIn.revoke(), sync.signOut()),
    'bg:provider': ({ serverUrl }) => providerSignIn.provider(serverUrl),
    'bg:provider-sign-in': async ({ serverUrl, previous }) => (
      await starting,
      providerSignIn.signIn(serverUrl, previous, sync.connect)
    ),
    'bg:sync-interval': ({ minutes }) => sync.setInterval(minutes),

    'bg:pick-start': async ({ tabId, draftKey, target }) => {
      const problem = await authoring.startPick(tabId, draftKey, target);
      if (problem !== undefined) return { started: false, problem };
      try {
        await sendTyped(toTab(tabId), 'cs:pick-start', { draftKey, target });
        return { started: true };
      } catch {
        await authoring.cancelPick(tabId);
        return {
          started: false,
          problem:
            'Waymark is not running on this tab: open the app page (reload it if Waymark was just installed or updated).',
        };
      }
    },
    'bg:pick-cancel': async ({ tabId }) => {
      await authoring.cancelPick(tabId);
      return sendTyped(toTab(tabId), 'cs:pick-cancel', {}).catch(() => ({ cancelled: false }));
    },
    'bg:picked': (result, sender) => authoring.picked(sender.tab?.id, result),
    'bg:preview-tip': ({ tabId, tip }) =>
      sendTyped(toTab(tabId), 'cs:preview-tip', { tip }).catch(() => ({ found: false })),
    'bg:author-templates': () => authoring.templates(),
    'bg:author-items': (query) => authoring.items(query),
    'bg:author-item': ({ id }) => authoring.item(id),
    'bg:author-step': (step) => authoring.step(step),
    'bg:author-queue': () => authoring.queue(),
    'bg:author-audit': (query) => authoring.audit(query),
    'bg:targeting-options': () => knowledge.targetingOptions(),

    'bg:author-insights-screen': ({ tabId }) => authoring.screenInsights(tabId),
    'bg:author-insights-item': ({ id }) => authoring.itemInsights(id),
    'bg:draft-list': () => authoring.listDrafts(),
    'bg:draft-new': (from) => authoring.newDraft(from),
    'bg:draft-get': ({ key }) => authoring.getDraft(key),
    'bg:draft-put': ({ draft }) => authoring.putDraft(draft),
    'bg:draft-delete': ({ key }) => authoring.deleteDraft(key),
    'bg:draft-send': ({ key, submit }) => authoring.sendDraft(key, submit),

    // Not async: the panel must open before anything is awaited (shared-link.ts).
    'bg:open-shared': ({ id }, sender) => openSharedItem(sender, id, notifyPanel),
    'bg:announcements': async () => (await starting, knowledge.announcements()),
    'bg:announcement-done': async ({ id, acknowledged }) => {
      const done = await knowledge.announcementDone(id, acknowledged);
      // An acknowledgement goes now rather than at the next sync (kept until the server confirms).
      if (acknowledged) void insights.flush();
      return done;
    },
    'bg:author-acknowledgements': ({ id }) => authoring.acknowledgements(id),
  };
  browser.runtime.onMessage.addListener(
    createRouter({ id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') }, handlers),
  );

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'open-search') void openPanel(tab?.id, 'search', notifyPanel);
    if (command === 'focus-page' && tab?.id !== undefined) pageUi.focusNext(tab.id);
  });
  // A real navigation clears what the tab showed; its content script reports the new page.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void tabs.delete(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabs.delete(tabId);
    void pageUi.forgetTab(tabId);
  });
});
