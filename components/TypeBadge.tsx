import type { ItemSummary } from '@/lib/messages';

const LABELS: Record<ItemSummary['type'], string> = {
  article: 'Article',
  tip: 'Tip',
  lesson: 'Lesson',
  path: 'Path',
};

export function TypeBadge({
  type,
  needsVerification,
}: Pick<ItemSummary, 'type' | 'needsVerification'>) {
  return (
    <span className="badges">
      <span className={`badge badge-${type}`}>{LABELS[type]}</span>
      {needsVerification && (
        <span className="badge badge-warn" title="Its owner has not confirmed it is still accurate">
          Needs verification
        </span>
      )}
    </span>
  );
}
