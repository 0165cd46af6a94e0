import type { ItemSummary } from '@/lib/messages';
import { TypeBadge } from './TypeBadge';

export function ItemList({
  items,
  onOpen,
}: {
  items: readonly ItemSummary[];
  onOpen: (id: string) => void;
}) {
  return (
    <ul className="items">
      {items.map((item) => (
        <li key={item.id}>
          <button type="button" className="item" onClick={() => onOpen(item.id)}>
            <span className="item-title">{item.title}</span>
            <TypeBadge type={item.type} needsVerification={item.needsVerification} />
            {item.summary && <span className="item-summary">{item.summary}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
