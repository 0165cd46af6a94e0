import { useEffect } from 'react';
import { callBackground, type Async } from '@/hooks/use-background';
import type { WhatsNewView } from '@/lib/messages';
import { AsyncView } from './AsyncView';
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
        What’s new
      </h1>
      <AsyncView value={props.news} loading="Looking for what changed…">
        {(news) =>
          news.items.length === 0 ? (
            <p className="muted">
              Nothing new since{' '}
              {news.since ? `your last visit (${news.since.slice(0, 10)})` : 'you started'}. New and
              updated articles, tips and lessons show here after a sync.
            </p>
          ) : (
            <>
              <p className="muted">
                {news.items.length} new or updated since{' '}
                {news.since ? `your last visit (${news.since.slice(0, 10)})` : 'you started'}.
              </p>
              <ItemList items={news.items} onOpen={props.onOpen} showApps label="What’s new" />
            </>
          )
        }
      </AsyncView>
    </section>
  );
}
