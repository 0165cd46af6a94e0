import { useState } from 'react';
import { useT } from '@/components/I18nProvider';
import { ItemScreen } from '@/components/ItemScreen';
import { SearchPanel } from '@/components/SearchPanel';
import { StatusLine } from '@/components/StatusLine';
import { useBackground } from '@/hooks/use-background';
import { useOpenReport, useSearchSession } from '@/hooks/use-insights';
import { useStatus } from '@/hooks/use-status';

/** Quick search and the store's status; an item opens right here. */
export function App() {
  const t = useT();
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string>();
  const [results] = useBackground(
    'bg:search',
    query.trim() === '' ? undefined : { query, limit: 8 },
    query,
  );
  const status = useStatus();
  // Insights: the popup's search sessions and opens (no tab: the popup is not beside a page).
  const search = useSearchSession(query, results, undefined);
  const report = useOpenReport(undefined);
  const openResult = (id: string) => {
    const rank = (results.state === 'ready' ? results.value : []).findIndex((r) => r.id === id) + 1;
    if (rank > 0) search.opened(rank);
    report(id, 'search', rank);
    setOpenId(id);
  };
  return (
    <main className="popup">
      {/* The page's one h1: an opened item's title takes over while it is shown. */}
      {openId === undefined ? (
        <h1 className="brand">{t('manifest.name')}</h1>
      ) : (
        <p className="brand">{t('manifest.name')}</p>
      )}
      {openId === undefined ? (
        <SearchPanel
          query={query}
          onQuery={setQuery}
          results={results}
          onOpen={openResult}
          focusKey={0}
        />
      ) : (
        <>
          <button type="button" className="back" onClick={() => setOpenId(undefined)}>
            {t('popup.back')}
          </button>
          <ItemScreen id={openId} tabId={undefined} currentApp={undefined} onOpen={setOpenId} />
        </>
      )}
      <StatusLine status={status} place="banner" />
      <StatusLine status={status} place="footer" />
    </main>
  );
}
