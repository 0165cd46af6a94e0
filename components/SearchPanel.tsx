import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Async } from '@/hooks/use-background';
import type { SearchResult } from '@/lib/messages';
import { Highlighted } from './Highlighted';
import { TypeBadge } from './TypeBadge';

interface Props {
  query: string;
  onQuery: (query: string) => void;
  results: Async<SearchResult[]>;
  onOpen: (id: string) => void;
  /** Changes when the panel is asked to focus search (keyboard shortcut). */
  focusKey?: number;
}

/** Search as you type, with ↑/↓ to move through results and Enter to open one. */
export function SearchPanel({ query, onQuery, results, onOpen, focusKey }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [active, setActive] = useState(0);
  const list = results.state === 'ready' ? results.value : [];
  useEffect(() => input.current?.focus(), [focusKey]);
  useEffect(() => setActive(0), [query]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, list.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter' && list[active]) onOpen(list[active].id);
    else return;
    event.preventDefault();
  };

  return (
    <div className="search">
      <input
        ref={input}
        type="search"
        className="search-input"
        placeholder="Search articles, tips and lessons"
        aria-label="Search"
        role="combobox"
        aria-expanded={list.length > 0}
        aria-controls={listId}
        aria-activedescendant={list[active] ? `${listId}-${active}` : undefined}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {query.trim() === '' ? (
        <p className="muted">
          Type a few words: a field name, an error message, a customer's question.
        </p>
      ) : results.state === 'error' ? (
        <p className="error" role="alert">
          Search failed: {results.error}
        </p>
      ) : results.state === 'ready' && list.length === 0 ? (
        <p className="muted" role="status">
          Nothing matches “{query.trim()}”. Try other words, or fewer of them.
        </p>
      ) : (
        <ul id={listId} role="listbox" className="items" aria-label="Search results">
          {list.map((hit, i) => (
            <li key={hit.id} id={`${listId}-${i}`} role="option" aria-selected={i === active}>
              <button
                type="button"
                className={`item${i === active ? ' active' : ''}`}
                tabIndex={-1}
                onClick={() => onOpen(hit.id)}
                onMouseEnter={() => setActive(i)}
              >
                <span className="item-title">
                  <Highlighted text={hit.title} ranges={hit.titleRanges} />
                </span>
                <TypeBadge type={hit.type} needsVerification={hit.needsVerification} />
                {hit.snippet && (
                  <span className="item-summary">
                    <Highlighted text={hit.snippet} ranges={hit.snippetRanges} />
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
