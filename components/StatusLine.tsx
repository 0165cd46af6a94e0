import type { StatusState } from '@/hooks/use-status';
import { useI18n } from './I18nProvider';
import { syncWords } from './sync-words';

/**
 * The local knowledge's state in words: as a footer line ("72 items…, last synced today at
 * 14:05"), or as a banner when something needs saying (offline, the server could not be used).
 */
export function StatusLine({ status, place }: { status: StatusState; place: 'footer' | 'banner' }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (status.state === 'loading')
    return place === 'footer' ? <p className="status">{t('status.loading')}</p> : null;
  if (status.state === 'error') {
    return place === 'banner' ? (
      <p className="banner" data-kind="problem" role="alert">
        {t('status.unreadable', { error: status.error })}
      </p>
    ) : null;
  }
  const words = syncWords(status.status, status.online, i18n);
  if (place === 'footer')
    return (
      <p className="status" role="status">
        {words.footer}
      </p>
    );
  return words.banner === undefined ? null : (
    <p className="banner" data-kind={words.banner.kind} role="status">
      {words.banner.text}
    </p>
  );
}
