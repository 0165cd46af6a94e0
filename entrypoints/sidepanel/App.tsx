import { useEffect, useState } from 'react';
import { AsyncView } from '@/components/AsyncView';
import { AuthorTab } from '@/components/author/AuthorTab';
import { ItemList } from '@/components/ItemList';
import { ItemScreen } from '@/components/ItemScreen';
import { PathList } from '@/components/PathList';
import { SearchPanel } from '@/components/SearchPanel';
import { StatusLine } from '@/components/StatusLine';
import { useActiveTab } from '@/hooks/use-active-tab';
import { useBackground } from '@/hooks/use-background';
import { useOpenReport, useSearchSession, useShownReport } from '@/hooks/use-insights';
import { useStatus } from '@/hooks/use-status';
import type { PageItems, PathView } from '@/lib/messages';

type Tab = 'page' | 'search' | 'learn' | 'author';
const TABS: { id: Tab; label: string }[] = [
  { id: 'page', label: 'For this page' },
  { id: 'search', label: 'Search' },
  { id: 'learn', label: 'Learn' },
];
/** Roles that write content see the Author tab (the server enforces the same line). */
const AUTHOR_ROLES = ['author', 'reviewer', 'admin'];

export function App() {
  const active = useActiveTab();
  const [tab, setTab] = useState<Tab>('page');
  const [stack, setStack] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [page] = useBackground(
    'bg:page-items',
    active.tabId === undefined ? undefined : { tabId: active.tabId },
    `${active.tabId}:${active.version}`,
  );
  const [results] = useBackground(
    'bg:search',
    query.trim() === ''
      ? undefined
      : { query, ...(active.tabId === undefined ? {} : { tabId: active.tabId }) },
    `${query}|${active.tabId}`,
  );
  const [paths] = useBackground(
    'bg:paths',
    tab === 'learn' ? {} : undefined,
    `${tab}:${stack.length}`,
  );
  const status = useStatus();
  const [account] = useBackground('bg:account', {}, 'account');
  const me = account.state === 'ready' ? account.value.me : undefined;
  const canAuthor = me !== undefined && AUTHOR_ROLES.includes(me.role);
  const tabs = canAuthor ? [...TABS, { id: 'author' as const, label: 'Author' }] : TABS;

  useEffect(() => {
    if (active.requestedView === undefined) return;
    setTab(active.requestedView.view);
    setStack([]);
  }, [active.requestedView]);

  const open = (id: string) => setStack((s) => [...s, id]);
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
  const openId = stack.at(-1);
  const currentApp = page.state === 'ready' ? (page.value.detection?.app ?? undefined) : undefined;

  return (
    <div className="panel">
      <header className="panel-header">
        <span className="brand">Waymark</span>
        <nav className="tabs" role="tablist" aria-label="Waymark">
          {tabs.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={openId === undefined && tab === t.id}
              onClick={() => {
                setTab(t.id);
                setStack([]);
              }}
            >
              {t.label}
            </button>
          ))}
        </nav>
      </header>
      <main className="panel-body">
        {tab === 'author' && canAuthor ? (
          <AuthorTab me={me} tabId={active.tabId} />
        ) : openId !== undefined ? (
          <>
            <button type="button" className="back" onClick={() => setStack((s) => s.slice(0, -1))}>
              ← Back
            </button>
            <ItemScreen
              key={openId}
              id={openId}
              tabId={active.tabId}
              currentApp={currentApp}
              onOpen={openFrom('path')}
            />
          </>
        ) : tab === 'page' ? (
          <AsyncView value={page} loading="Finding what fits this page…">
            {(value) => (
              <ForThisPage
                page={value}
                tabId={active.tabId}
                onOpen={openFrom('page', rankIn(value.items))}
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
          />
        ) : (
          <AsyncView value={paths} loading="Loading learning paths…">
            {(value) => (
              <PathList paths={value} onOpenLesson={openFrom('path', rankInPath(value))} />
            )}
          </AsyncView>
        )}
      </main>
      <footer className="panel-footer">
        <StatusLine status={status} />
      </footer>
    </div>
  );
}

/** 1-based place of an item in the list it was opened from (0: not in it). */
const rankIn = (list: readonly { id: string }[]) => (id: string) =>
  list.findIndex((entry) => entry.id === id) + 1;
/** A lesson's rank is its place in its path. */
const rankInPath = (paths: readonly PathView[]) => (id: string) =>
  paths.map((path) => rankIn(path.lessons)(id)).find((rank) => rank > 0) ?? 0;

function ForThisPage({
  page,
  tabId,
  onOpen,
}: {
  page: PageItems;
  tabId: number | undefined;
  onOpen: (id: string) => void;
}) {
  useShownReport(
    tabId,
    JSON.stringify(page.detection),
    page.items.map((item) => item.id),
  );
  if (page.detection?.app == null) {
    return (
      <p className="muted">
        This tab is not one of the apps Waymark knows. Search still works: use the Search tab.
      </p>
    );
  }
  const where = [page.appName, page.screenName].filter(Boolean).join(' · ');
  return (
    <section aria-label="For this page">
      <p className="where">
        {where}
        {page.detection.record
          ? ` · ${page.detection.record.type} ${page.detection.record.id}`
          : ''}
      </p>
      {page.items.length === 0 ? (
        <p className="muted">
          Nothing is published for this screen yet. Try Search, or ask your enablement team for an
          article.
        </p>
      ) : (
        <ItemList items={page.items} onOpen={onOpen} />
      )}
    </section>
  );
}
