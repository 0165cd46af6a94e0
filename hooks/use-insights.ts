import { useCallback, useEffect, useRef } from 'react';
import { ReadTimer, SearchSession, type OpenSource, type SearchOutcome } from '@/lib/insights';
import type { PanelInsight, SearchResult } from '@/lib/messages';
import { callBackground, type Async } from './use-background';

/**
 * The panel's side of insights: what it saw the user do, reported to the background, which turns
 * it into events under the collection policy (lib/knowledge/insights.ts). Reporting never gets in
 * the user's way: it is fire-and-forget, and a failure is ignored.
 */
export type Report = (insight: PanelInsight) => void;

export const reportInsight: Report = (insight) =>
  void callBackground('bg:insight', insight).catch(() => {
    // The background restarts or the policy refuses: nothing for the reader to know.
  });

const withTab = (tabId: number | undefined) => (tabId === undefined ? {} : { tabId });

/** Interactions that show someone is at the panel (for read time and search idleness). */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'scroll'] as const;

function onActivity(listener: () => void): () => void {
  const options = { capture: true, passive: true } as const;
  for (const type of ACTIVITY) document.addEventListener(type, listener, options);
  return () => {
    for (const type of ACTIVITY) document.removeEventListener(type, listener, options);
  };
}

/** Reports the items listed under "For this page" each time a list is shown for a page. */
export function useShownReport(
  tabId: number | undefined,
  pageKey: string,
  items: readonly string[],
  report: Report = reportInsight,
): void {
  const key = `${tabId}|${pageKey}|${items.join(',')}`;
  useEffect(() => {
    if (items.length > 0) report({ kind: 'shown', ...withTab(tabId), items: [...items] });
    // `key` stands for tab, page and list; the array itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [key, report]);
}

/** Reports an open with where it came from (and its 1-based rank in that list). */
export function useOpenReport(tabId: number | undefined, report: Report = reportInsight) {
  return useCallback(
    (item: string, source: Exclude<OpenSource, 'tip'>, rank?: number) =>
      report({
        kind: 'opened',
        ...withTab(tabId),
        item,
        source,
        ...(rank === undefined || rank < 1 ? {} : { rank }),
      }),
    [tabId, report],
  );
}

/**
 * Follows a search session (lib/insights/search-session.ts) through the words typed and the
 * results shown, and reports it when it ends: an open (`opened(rank)`), 10 s idle, the panel
 * hidden or closed, or the search view left.
 */
export function useSearchSession(
  query: string,
  results: Async<SearchResult[]>,
  tabId: number | undefined,
  report: Report = reportInsight,
): { opened: (rank: number) => void } {
  const session = useRef(new SearchSession());
  const latest = useRef({ query, tabId });
  latest.current = { query, tabId };
  const end = useCallback(
    (outcome: SearchOutcome | undefined) => {
      if (outcome !== undefined)
        report({ kind: 'search', ...withTab(latest.current.tabId), outcome });
    },
    [report],
  );
  useEffect(() => session.current.input(query, Date.now()), [query]);
  useEffect(() => {
    if (results.state === 'ready')
      session.current.results(latest.current.query, results.value.length, Date.now());
  }, [results]);
  useEffect(() => {
    const current = session.current;
    const timer = window.setInterval(() => end(current.tick(Date.now())), 1_000);
    const hidden = () => document.visibilityState === 'hidden' && end(current.close());
    const gone = () => end(current.close());
    const stopActivity = onActivity(() => current.touch(Date.now()));
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', gone);
    return () => {
      window.clearInterval(timer);
      stopActivity();
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', gone);
      end(current.close());
    };
  }, [end]);
  return { opened: useCallback((rank: number) => end(session.current.open(rank)), [end]) };
}

/**
 * Reports an item as read once it has had 10 s of active time (lib/insights/read-timer.ts): the
 * panel visible and focused, with the user doing something in it within the last 15 s. No item
 * (undefined): nothing is timed.
 */
export function useReadReport(
  item: string | undefined,
  tabId: number | undefined,
  report: Report = reportInsight,
): void {
  const tab = useRef(tabId);
  tab.current = tabId;
  useEffect(() => {
    if (item === undefined) return;
    const visible = () => document.visibilityState === 'visible';
    const timer = new ReadTimer(Date.now(), { visible: visible(), focused: document.hasFocus() });
    const stopActivity = onActivity(() => timer.interact(Date.now()));
    const onVisibility = () => timer.visibility(visible(), Date.now());
    const onFocus = () => timer.focus(true, Date.now());
    const onBlur = () => timer.focus(false, Date.now());
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', onFocus);
    window.addEventListener('blur', onBlur);
    const check = window.setInterval(() => {
      if (!timer.isRead(Date.now())) return;
      window.clearInterval(check);
      report({ kind: 'read', ...withTab(tab.current), item });
    }, 1_000);
    return () => {
      window.clearInterval(check);
      stopActivity();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('blur', onBlur);
    };
  }, [item, report]);
}
