import { useEffect, useState } from 'react';
import type { Envelope, PanelView } from '@/lib/messages';

export interface ActiveTab {
  tabId: number | undefined;
  /** Bumped whenever the tab's page changed, so page data is asked for again. */
  version: number;
  /** A view the background asked the panel to show (keyboard shortcut, launcher). */
  requestedView: { view: PanelView; at: number } | undefined;
}

/** A view asked for longer ago than this was for an earlier opening of the panel. */
const PENDING_VIEW_MS = 10_000;

function isPanelShow(message: unknown): message is Envelope<'panel:show'> {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Envelope).waymark === 1 &&
    (message as Envelope).type === 'panel:show'
  );
}

/** The tab the side panel is beside, following tab switches and page changes. */
export function useActiveTab(): ActiveTab {
  const [state, setState] = useState<ActiveTab>({
    tabId: undefined,
    version: 0,
    requestedView: undefined,
  });
  useEffect(() => {
    const refresh = () =>
      void browser.tabs
        .query({ active: true, currentWindow: true })
        .then(([tab]) => setState((s) => ({ ...s, tabId: tab?.id, version: s.version + 1 })));
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id || !isPanelShow(message)) return undefined;
      const { tabId, view } = message.payload;
      setState((s) => ({
        tabId: tabId ?? s.tabId,
        version: s.version + 1,
        requestedView: view === undefined ? s.requestedView : { view, at: Date.now() },
      }));
      return undefined;
    };
    refresh();
    // The panel was opened with a view in mind (launcher, keyboard shortcut) before it could listen.
    void browser.storage.session?.get('pendingPanelView').then(({ pendingPanelView }) => {
      const pending = pendingPanelView as { view?: PanelView; at?: number } | undefined;
      if (
        pending?.view === undefined ||
        pending.at === undefined ||
        Date.now() - pending.at > PENDING_VIEW_MS
      )
        return;
      void browser.storage.session?.remove('pendingPanelView');
      setState((s) => ({ ...s, requestedView: { view: pending.view ?? 'page', at: Date.now() } }));
    });
    browser.tabs.onActivated.addListener(refresh);
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, []);
  return state;
}
