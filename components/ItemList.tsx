import type { Translate } from '@/lib/i18n';
import type { ItemSummary, SuggestionReason } from '@/lib/messages';
import { useT } from './I18nProvider';
import { TypeBadge } from './TypeBadge';

type Listed = ItemSummary & { why?: SuggestionReason };

/** "Why am I seeing this?" in a line: the subject's words it matches, the screen it is for. */
export function reasonText(t: Translate, why: SuggestionReason): string {
  const words = why.matches.map((word) => t('why.word', { word })).join(', ');
  const parts = [
    why.matches.length > 0 ? t('why.matches', { words }) : '',
    why.screen !== undefined ? t('why.screen', { screen: why.screen }) : '',
    why.role !== undefined ? t('why.role', { role: why.role.replace(/-/g, ' ') }) : '',
  ].filter(Boolean);
  return parts.length === 0 ? t('why.app') : parts.join(t('common.join'));
}

/** The apps an item is for, as a short label ("Zendesk Support", "Every app"), `first` first. */
export function appsLabel(t: Translate, names: readonly string[], first?: string): string {
  const apps =
    first && names.includes(first) ? [first, ...names.filter((n) => n !== first)] : names;
  const [one, two] = apps;
  if (one === undefined) return t('apps.every');
  if (two === undefined) return one;
  const rest = { first: one, second: two, count: apps.length - 2 };
  return apps.length === 2 ? t('common.list', rest) : t('common.listMore', rest);
}

/** A list of items to open; with `why`, each says why it is suggested; `showApps` labels apps. */
export function ItemList({
  items,
  onOpen,
  showApps = false,
  label,
}: {
  items: readonly Listed[];
  onOpen: (id: string) => void;
  showApps?: boolean;
  label?: string;
}) {
  const t = useT();
  return (
    <ul className="items" aria-label={label}>
      {items.map((item) => (
        <li key={item.id}>
          <button
            type="button"
            className="item"
            data-item={item.id}
            onClick={() => onOpen(item.id)}
          >
            <span className="item-title" dir="auto">
              {item.title}
            </span>
            <span className="item-meta">
              <TypeBadge type={item.type} needsVerification={item.needsVerification} />
              {showApps && <span className="app-label">{appsLabel(t, item.apps)}</span>}
            </span>
            {item.summary && (
              <span className="item-summary" dir="auto">
                {item.summary}
              </span>
            )}
            {item.why && (
              <span className="item-why">
                <span className="why-label">{t('why.label')}</span>
                {reasonText(t, item.why)}
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
