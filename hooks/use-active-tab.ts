import { useEffect, useState } from 'react';
import { isEnvelope, type PanelView } from '@/lib/messages';

export interface ActiveTab {
  tabId: number | undefined;
  /** Bumped whenever the tab's page changed, so page data is asked for again. */
  version: number;
  /** A view the background asked the panel to show (keyboard shortcut, launcher, shared link). */
  requestedView: RequestedView | undefined;
}

/** `item`: the item to open (a shared link the background checked). */
export type RequestedView = { view: PanelView; item?: string; at: number };

/** A view asked for longer ago than this was for an earlier opening of the panel. */
const PENDING_VIEW_MS = 10_000;

/** `sidepanel.html?tab=N` pins the panel to one tab (a popped-out panel, and the browser tests). */
function pinnedTab(): number | undefined {
  const value = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

async function takePendingView(): Promise<RequestedView | undefined> {
  const { pendingPanelView } = (await browser.storage.session?.get('pendingPanelView')) ?? {};
  const pending = pendingPanelView as { view?: PanelView; item?: string; at?: number } | undefined;
  if (
    pending?.view === undefined ||
    pending.at === undefined ||
    Date.now() - pending.at > PENDING_VIEW_MS
  )
    return undefined;
  await browser.storage.session?.remove('pendingPanelView');
  const item = typeof pending.item === 'string' ? { item: pending.item } : {};
  return { view: pending.view, ...item, at: Date.now() };
}

/** The tab the side panel is beside, following tab switches and that tab's page changes. */
export function useActiveTab(): ActiveTab {
  const [state, setState] = useState<ActiveTab>({
    tabId: pinnedTab(),
    version: 0,
    requestedView: undefined,
  });
  useEffect(() => {
    const pinned = pinnedTab();
    const refresh = () => {
      if (pinned !== undefined) return setState((s) => ({ ...s, version: s.version + 1 }));
      void browser.tabs
        .query({ active: true, currentWindow: true })
        .then(([tab]) => setState((s) => ({ ...s, tabId: tab?.id, version: s.version + 1 })));
    };
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id || !isEnvelope(message, 'panel:show')) return undefined;
      const { tabId, view, item } = message.payload;
      setState((s) => {
        // Another tab's page changed: not what this panel shows.
        if (view === undefined && tabId !== undefined && tabId !== s.tabId) return s;
        const followed = pinned ?? tabId ?? s.tabId;
        return {
          tabId: followed,
          version: s.version + 1,
          requestedView:
            view === undefined
              ? s.requestedView
              : { view, ...(item === undefined ? {} : { item }), at: Date.now() },
        };
      });
      return undefined;
    };
    refresh();
    // The panel was opened with a view in mind (launcher, keyboard shortcut) before it could listen.
    void takePendingView().then(
      (requested) => requested && setState((s) => ({ ...s, requestedView: requested })),
    );
    browser.tabs.onActivated.addListener(refresh);
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, []);
  return state;
}
