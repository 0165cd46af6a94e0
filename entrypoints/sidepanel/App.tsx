import { useEffect, useRef, useState } from 'react';
import { Announcements } from '@/components/Announcements';
import { AsyncView } from '@/components/AsyncView';
import { AuthorTab } from '@/components/author/AuthorTab';
import { useT } from '@/components/I18nProvider';
import { ForThisPage } from '@/components/ForThisPage';
import { ItemScreen } from '@/components/ItemScreen';
import { PathList } from '@/components/PathList';
import { SearchPanel } from '@/components/SearchPanel';
import { StatusLine } from '@/components/StatusLine';
import { Tabs } from '@/components/Tabs';
import { WhatsNew } from '@/components/WhatsNew';
import { useActiveTab } from '@/hooks/use-active-tab';
import { callBackground, useBackground } from '@/hooks/use-background';
import { useOpenReport, useSearchSession } from '@/hooks/use-insights';
import { useStatus } from '@/hooks/use-status';
import type { PageItems, PathView } from '@/lib/messages';

type Tab = 'page' | 'search' | 'learn' | 'author';
type View = { kind: 'item'; id: string } | { kind: 'whats-new' };
const TABS = ['page', 'search', 'learn'] as const;
/** Roles that write content see the Author tab (the server enforces the same line). */
const AUTHOR_ROLES = ['author', 'reviewer', 'admin'];

/** `sidepanel.html?item=ID` opens one item (a copied link). */
function linkedItem(): View[] {
  const id = new URLSearchParams(location.search).get('item');
  return id !== null && /^[a-z0-9-]{1,80}$/.test(id) ? [{ kind: 'item', id }] : [];
}

export function App() {
  const t = useT();
  const active = useActiveTab();
  const [tab, setTab] = useState<Tab>('page');
  const [stack, setStack] = useState<View[]>(linkedItem);
  const [query, setQuery] = useState('');
  const [onlyApp, setOnlyApp] = useState(false);
  const [pageRound, setPageRound] = useState(0);
  const opener = useRef<string | undefined>(undefined);
  const [page] = useBackground(
    'bg:page-items',
    active.tabId === undefined ? undefined : { tabId: active.tabId },
    `${active.tabId}:${active.version}:${pageRound}`,
  );
  const currentApp =
    page.state === 'ready' && page.value.detection?.app
      ? { id: page.value.detection.app, name: page.value.appName ?? page.value.detection.app }
      : undefined;
  const [results] = useBackground(
    'bg:search',
    query.trim() === ''
      ? undefined
      : {
          query,
          ...(active.tabId === undefined ? {} : { tabId: active.tabId }),
          ...(onlyApp && currentApp ? { app: currentApp.id } : {}),
        },
    `${query}|${active.tabId}|${onlyApp ? currentApp?.id : ''}`,
  );
  const [paths] = useBackground(
    'bg:paths',
    tab === 'learn' ? {} : undefined,
    `${tab}:${stack.length}`,
  );
  const status = useStatus();
  const [news, reloadNews] = useBackground('bg:whats-new', {}, `news:${status.state}`);
  const [announcements, reloadAnnouncements] = useBackground(
    'bg:announcements',
    {},
    `announcements:${status.state}:${active.version}`,
  );
  const [account] = useBackground('bg:account', {}, 'account');
  const me = account.state === 'ready' ? account.value.me : undefined;
  const canAuthor = me !== undefined && AUTHOR_ROLES.includes(me.role);
  const relevantNow = page.state === 'ready' ? page.value.relevant.length : 0;
  const tabs = (canAuthor ? [...TABS, 'author' as const] : TABS).map((id) => ({
    id,
    label: t(`panel.tab.${id}`),
    ...(id === 'page' ? { badge: relevantNow } : {}),
  }));

  useEffect(() => {
    if (active.requestedView === undefined) return;
    const { view: asked, item } = active.requestedView;
    setTab(asked);
    setStack(item === undefined ? [] : [{ kind: 'item', id: item }]);
  }, [active.requestedView]);

  const open = (id: string) => {
    opener.current = id;
    setStack((s) => [...s, { kind: 'item', id }]);
  };
  const back = () => setStack((s) => s.slice(0, -1));
  const view = stack.at(-1);
  // Insights: where each open came from, and the search session (hooks/use-insights.ts).
  const report = useOpenReport(active.tabId);
  const search = useSearchSession(query, results, active.tabId);
  const openFrom =
    (source: 'page' | 'search' | 'path', rankOf: (id: string) => number = () => 0) =>
    (id: string) => {
      const rank = rankOf(id);
      if (source === 'search' && rank > 0) search.opened(rank);
      report(id, source, rank);
      open(id);
    };

  // Back to a list: focus the entry that was opened, so the keyboard picks up where it left.
  useEffect(() => {
    if (view !== undefined || opener.current === undefined) return;
    document.querySelector<HTMLElement>(`[data-item="${opener.current}"]`)?.focus();
  }, [view]);
  // Esc goes back from an opened item (an input keeps Esc for itself while it has text).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || stack.length === 0 || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target instanceof HTMLInputElement && target.value !== '') return;
      if (target instanceof HTMLTextAreaElement) return;
      event.preventDefault();
      back();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [stack.length]);

  const newCount = news.state === 'ready' ? news.value.items.length : 0;
  return (
    <div className="panel">
      <header className="panel-header">
        <div className="panel-top">
          {/* The page's one h1: an opened item's title takes over while it is shown. */}
          {view === undefined ? (
            <h1 className="brand">{t('manifest.name')}</h1>
          ) : (
            <p className="brand">{t('manifest.name')}</p>
          )}
          <button
            type="button"
            className="whats-new-button"
            aria-label={
              newCount > 0 ? t('panel.whatsNewCount', { count: newCount }) : t('panel.whatsNew')
            }
            onClick={() => setStack((s) => [...s, { kind: 'whats-new' }])}
          >
            {t('panel.whatsNew')}
            {newCount > 0 && <span className="tab-badge">{newCount}</span>}
          </button>
        </div>
        <Tabs
          tabs={tabs}
          selected={tab}
          label={t('panel.tabs')}
          tabId={(id) => `tab-${id}`}
          panelId={(id) => `panel-${id}`}
          onSelect={(id) => {
            setTab(id);
            setStack([]);
          }}
        />
      </header>
      <StatusLine status={status} place="banner" />
      {view === undefined && tab !== 'author' && (
        <Announcements announcements={announcements} onDone={reloadAnnouncements} />
      )}
      <main
        className="panel-body"
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
      >
        {view !== undefined ? (
          <>
            <button type="button" className="back" onClick={back}>
              {t('common.back')}
            </button>
            {view.kind === 'whats-new' ? (
              <WhatsNew news={news} onOpen={openFrom('page')} onSeen={reloadNews} />
            ) : (
              <ItemScreen
                key={view.id}
                id={view.id}
                tabId={active.tabId}
                currentApp={currentApp?.id}
                onOpen={openFrom('path')}
              />
            )}
          </>
        ) : tab === 'author' && canAuthor ? (
          <AuthorTab me={me} tabId={active.tabId} />
        ) : tab === 'page' ? (
          <AsyncView value={page} loading={t('panel.findingPage')}>
            {(value) => (
              <ForThisPage
                page={value}
                tabId={active.tabId}
                onOpen={openFrom('page', rankOnPage(value))}
                onShowTip={(id) =>
                  void callBackground('bg:undismiss-tip', { id }).then(() =>
                    setPageRound((r) => r + 1),
                  )
                }
                onShowLauncher={() =>
                  active.tabId !== undefined &&
                  void callBackground('bg:launcher-show', { tabId: active.tabId }).then(() =>
                    setPageRound((r) => r + 1),
                  )
                }
              />
            )}
          </AsyncView>
        ) : tab === 'search' ? (
          <SearchPanel
            query={query}
            onQuery={setQuery}
            results={results}
            onOpen={openFrom('search', rankIn(results.state === 'ready' ? results.value : []))}
            focusKey={active.requestedView?.at}
            currentApp={currentApp}
            onlyCurrentApp={onlyApp}
            onOnlyCurrentApp={setOnlyApp}
            tabId={active.tabId}
          />
        ) : (
          <AsyncView value={paths} loading={t('panel.loadingPaths')}>
            {(value) => (
              <PathList paths={value} onOpenLesson={openFrom('path', rankInPath(value))} />
            )}
          </AsyncView>
        )}
      </main>
      <footer className="panel-footer">
        <StatusLine status={status} place="footer" />
      </footer>
    </div>
  );
}

/** 1-based place of an item in the list it was opened from (0: not in it). */
const rankIn = (list: readonly { id: string }[]) => (id: string) =>
  list.findIndex((entry) => entry.id === id) + 1;
/** On the page, the strong matches come first, then the rest for the screen. */
const rankOnPage = (page: PageItems) => rankIn([...page.relevant, ...page.more]);
/** A lesson's rank is its place in its path. */
const rankInPath = (paths: readonly PathView[]) => (id: string) =>
  paths.map((path) => rankIn(path.lessons)(id)).find((rank) => rank > 0) ?? 0;
