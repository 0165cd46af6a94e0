import type { ItemSummary, SuggestionReason } from '@/lib/messages';
import { TypeBadge } from './TypeBadge';

type Listed = ItemSummary & { why?: SuggestionReason };

/** "Why am I seeing this?" in a line: the subject's words it matches, the screen it is for. */
export function reasonText(why: SuggestionReason): string {
  const parts = [
    why.matches.length > 0 ? `matches ${why.matches.map((w) => `“${w}”`).join(', ')}` : '',
    why.screen !== undefined ? `made for ${why.screen} screens` : '',
    why.role !== undefined ? `for your role (${why.role.replace(/-/g, ' ')})` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'for this app' : parts.join(' · ');
}

/** The apps an item is for, as a short label ("Zendesk Support", "Every app"), `first` first. */
export function appsLabel(names: readonly string[], first?: string): string {
  const apps =
    first && names.includes(first) ? [first, ...names.filter((n) => n !== first)] : names;
  if (apps.length === 0) return 'Every app';
  return apps.length <= 2 ? apps.join(', ') : `${apps.slice(0, 2).join(', ')} +${apps.length - 2}`;
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
            <span className="item-title">{item.title}</span>
            <span className="item-meta">
              <TypeBadge type={item.type} needsVerification={item.needsVerification} />
              {showApps && <span className="app-label">{appsLabel(item.apps)}</span>}
            </span>
            {item.summary && <span className="item-summary">{item.summary}</span>}
            {item.why && (
              <span className="item-why">
                <span className="why-label">Why: </span>
                {reasonText(item.why)}
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
