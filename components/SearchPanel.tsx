import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Async } from '@/hooks/use-background';
import type { SearchResult } from '@/lib/messages';
import { Highlighted } from './Highlighted';
import { useT } from './I18nProvider';
import { appsLabel } from './ItemList';
import { RequestContent } from './RequestContent';
import { TypeBadge } from './TypeBadge';

interface Props {
  query: string;
  onQuery: (query: string) => void;
  results: Async<SearchResult[]>;
  onOpen: (id: string) => void;
  /** Changes when the panel is asked to focus search (keyboard shortcut). */
  focusKey?: number;
  /** The app of the page the search is made from: its results come first, one click filters. */
  currentApp?: { id: string; name: string } | undefined;
  onlyCurrentApp?: boolean;
  onOnlyCurrentApp?: (only: boolean) => void;
  tabId?: number | undefined;
}

/**
 * Search as you type: a WAI-ARIA combobox (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/)
 * whose listbox holds the results; focus stays in the field, ↑/↓ move the active result
 * (aria-activedescendant), Enter opens it, Esc clears the field.
 */
export function SearchPanel(props: Props) {
  const t = useT();
  const { query, onQuery, results, onOpen, focusKey, currentApp } = props;
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [active, setActive] = useState(0);
  const list = results.state === 'ready' ? results.value : [];
  // Only when asked (the keyboard shortcut, the popup): arrowing through the panel's tabs keeps
  // focus on the tabs, as the ARIA tabs pattern expects.
  useEffect(() => {
    if (focusKey !== undefined) input.current?.focus();
  }, [focusKey]);
  useEffect(() => setActive(0), [query]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, list.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter' && list[active]) onOpen(list[active].id);
    else if (event.key === 'Escape' && query !== '') onQuery('');
    else return;
    event.preventDefault();
  };
  const trimmed = query.trim();

  return (
    <div className="search">
      <input
        ref={input}
        type="search"
        className="search-input"
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={list.length > 0}
        aria-controls={listId}
        aria-activedescendant={list[active] ? `${listId}-${active}` : undefined}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {currentApp !== undefined && props.onOnlyCurrentApp !== undefined && (
        <div className="filters" role="group" aria-label={t('search.whichApps')}>
          <button
            type="button"
            className="chip"
            aria-pressed={!props.onlyCurrentApp}
            onClick={() => props.onOnlyCurrentApp?.(false)}
          >
            {t('search.allApps')}
          </button>
          <button
            type="button"
            className="chip"
            aria-pressed={props.onlyCurrentApp === true}
            onClick={() => props.onOnlyCurrentApp?.(true)}
          >
            {t('search.onlyApp', { app: currentApp.name })}
          </button>
        </div>
      )}
      {trimmed === '' ? (
        <p className="muted">{t('search.hint')}</p>
      ) : results.state === 'error' ? (
        <p className="error" role="alert">
          {t('search.failed', { error: results.error })}
        </p>
      ) : results.state === 'ready' && list.length === 0 ? (
        <>
          <p className="muted" role="status">
            {props.onlyCurrentApp && currentApp
              ? t('search.nothingIn', { query: trimmed, app: currentApp.name })
              : t('search.nothing', { query: trimmed })}
          </p>
          <RequestContent tabId={props.tabId} query={trimmed} prompt={t('search.stuck')} />
        </>
      ) : (
        <>
          <p className="sr-only" role="status">
            {results.state === 'ready' ? t('search.count', { count: list.length }) : ''}
          </p>
          <ul id={listId} role="listbox" className="items" aria-label={t('search.results')}>
            {list.map((hit, i) => (
              // An option's content is presentational: the option itself takes the click (the
              // keyboard stays in the field, which points at the active option).
              <li
                key={hit.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={`item${i === active ? ' active' : ''}`}
                data-item={hit.id}
                onClick={() => onOpen(hit.id)}
                onMouseEnter={() => setActive(i)}
              >
                <span className="item-title" dir="auto">
                  <Highlighted text={hit.title} ranges={hit.titleRanges} />
                </span>
                <span className="item-meta">
                  <TypeBadge type={hit.type} needsVerification={hit.needsVerification} />
                  <span className="app-label" data-current={hit.currentApp}>
                    {appsLabel(t, hit.apps, currentApp?.name)}
                  </span>
                </span>
                {hit.snippet && (
                  <span className="item-summary" dir="auto">
                    <Highlighted text={hit.snippet} ranges={hit.snippetRanges} />
                  </span>
                )}
              </li>
            ))}
          </ul>
          {results.state === 'ready' && (
            <RequestContent tabId={props.tabId} query={trimmed} prompt={t('search.notFinding')} />
          )}
        </>
      )}
    </div>
  );
}
