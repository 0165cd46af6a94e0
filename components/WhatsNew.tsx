import { useEffect } from 'react';
import { callBackground, type Async } from '@/hooks/use-background';
import type { WhatsNewView } from '@/lib/messages';
import { formatDay } from './ArticleView';
import { AsyncView } from './AsyncView';
import { useI18n } from './I18nProvider';
import { ItemList } from './ItemList';

/**
 * What was published or changed since the learner last looked (after a sync), newest first.
 * Opening the list counts as a visit: the badge clears, the list stays until the panel closes.
 */
export function WhatsNew(props: {
  news: Async<WhatsNewView>;
  onOpen: (id: string) => void;
  onSeen: () => void;
}) {
  const { t, locale } = useI18n();
  const ready = props.news.state === 'ready';
  const { onSeen } = props;
  useEffect(() => {
    if (!ready) return;
    void callBackground('bg:whats-new-seen', {});
    // Leaving the list asks again, so the badge shows only what came after this visit.
    return onSeen;
  }, [ready, onSeen]);
  return (
    <section className="whats-new" aria-labelledby="whats-new-heading">
      <h1 id="whats-new-heading" tabIndex={-1}>
        {t('panel.whatsNew')}
      </h1>
      <AsyncView value={props.news} loading={t('news.loading')}>
        {(news) => {
          const date = news.since ? formatDay(news.since, locale) : '';
          const count = news.items.length;
          return count === 0 ? (
            <p className="muted">
              {date ? t('news.nothingSince', { date }) : t('news.nothingStart')}
            </p>
          ) : (
            <>
              <p className="muted">
                {date ? t('news.countSince', { count, date }) : t('news.countStart', { count })}
              </p>
              <ItemList
                items={news.items}
                onOpen={props.onOpen}
                showApps
                label={t('panel.whatsNew')}
              />
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}
