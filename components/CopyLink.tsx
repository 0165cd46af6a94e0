import { useEffect, useState } from 'react';
import { useT } from './I18nProvider';

/** A note that says what just happened; the words stay a moment, for sighted and SR users alike. */
export function useNote(): [string | undefined, (text: string) => void] {
  const [note, setNote] = useState<string>();
  useEffect(() => {
    if (note === undefined) return;
    const timer = setTimeout(() => setNote(undefined), 4_000);
    return () => clearTimeout(timer);
  }, [note]);
  return [note, setNote];
}

/**
 * "Copy link" for one item: the link `useItemLink` (hooks/use-item-link.ts) made, with a short
 * note that it was copied (or that the browser refused the clipboard).
 */
export function CopyLink({ link, hint }: { link: string; hint?: string | undefined }) {
  const t = useT();
  const [note, setNote] = useNote();
  return (
    <p className="copy-link">
      <button
        type="button"
        className="link-button"
        title={hint}
        onClick={() =>
          void navigator.clipboard.writeText(link).then(
            () => setNote(t('item.linkCopied')),
            () => setNote(t('item.linkFailed')),
          )
        }
      >
        {t('item.copyLink')}
      </button>{' '}
      <span className="muted" role="status">
        {note}
      </span>
    </p>
  );
}
