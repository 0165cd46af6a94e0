import type { StatusState } from '@/hooks/use-status';
import { syncWords } from './sync-words';

/**
 * The local knowledge's state in words: as a footer line ("72 items…, last synced today at
 * 14:05"), or as a banner when something needs saying (offline, the server could not be used).
 */
export function StatusLine({ status, place }: { status: StatusState; place: 'footer' | 'banner' }) {
  if (status.state === 'loading')
    return place === 'footer' ? <p className="status">Loading your knowledge…</p> : null;
  if (status.state === 'error') {
    return place === 'banner' ? (
      <p className="banner" data-kind="problem" role="alert">
        Waymark could not read its local knowledge: {status.error}
      </p>
    ) : null;
  }
  const words = syncWords(status.status, status.online);
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
