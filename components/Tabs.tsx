import { useRef, type KeyboardEvent } from 'react';
import { useT } from './I18nProvider';

export interface TabSpec<T extends string> {
  id: T;
  label: string;
  /** A count shown after the label (e.g. what is relevant now). */
  badge?: number;
}

/**
 * A tab list after the WAI-ARIA tabs pattern (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/):
 * one tab in the Tab order (roving tabindex), ←/→ move between tabs and select them
 * (automatic activation), Home/End go to the first and last; each tab controls `panelId(id)`.
 */
export function Tabs<T extends string>(props: {
  tabs: readonly TabSpec<T>[];
  selected: T | undefined;
  onSelect: (id: T) => void;
  label: string;
  tabId: (id: T) => string;
  panelId: (id: T) => string;
}) {
  const t = useT();
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const { tabs } = props;
  const current = Math.max(
    0,
    tabs.findIndex((x) => x.id === props.selected),
  );
  const move = (to: number) => {
    const tab = tabs[(to + tabs.length) % tabs.length];
    if (tab === undefined) return;
    props.onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(current + 1),
      ArrowLeft: () => move(current - 1),
      Home: () => move(0),
      End: () => move(tabs.length - 1),
    };
    const action = keys[event.key];
    if (action === undefined) return;
    event.preventDefault();
    action();
  };
  return (
    <div className="tabs" role="tablist" aria-label={props.label}>
      {tabs.map((tab, i) => {
        const selected = tab.id === props.selected;
        return (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) refs.current.set(tab.id, el);
              else refs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={props.tabId(tab.id)}
            aria-selected={selected}
            aria-controls={props.panelId(tab.id)}
            tabIndex={i === current ? 0 : -1}
            onClick={() => props.onSelect(tab.id)}
            onKeyDown={onKeyDown}
          >
            {tab.label}
            {tab.badge !== undefined && tab.badge > 0 && (
              <>
                <span className="tab-badge" aria-hidden="true">
                  {tab.badge}
                </span>
                <span className="sr-only">{t('panel.badge', { count: tab.badge })}</span>
              </>
            )}
          </button>
        );
      })}
    </div>
  );
}
