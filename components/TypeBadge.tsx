import type { ItemSummary } from '@/lib/messages';
import { useT } from './I18nProvider';

export function TypeBadge({
  type,
  needsVerification,
}: Pick<ItemSummary, 'type' | 'needsVerification'>) {
  const t = useT();
  return (
    <span className="badges">
      <span className={`badge badge-${type}`}>{t(`type.${type}`)}</span>
      {needsVerification && (
        <span className="badge badge-warn" title={t('type.needsVerificationTitle')}>
          {t('type.needsVerification')}
        </span>
      )}
    </span>
  );
}
