import { callBackground, type Async } from '@/hooks/use-background';
import type { AnnouncementView } from '@/lib/messages';
import { formatDay } from './ArticleView';
import { useI18n } from './I18nProvider';
import { MarkdownBody } from './MarkdownBody';

/**
 * Announcements due for the learner, at the top of the panel until each is closed ("Got it") or,
 * when it asks for it, acknowledged ("I have read this"); closed in the page or here, it is gone
 * from both.
 */
export function Announcements(props: {
  announcements: Async<AnnouncementView[]>;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  if (props.announcements.state !== 'ready' || props.announcements.value.length === 0) return null;
  const done = (id: string, acknowledged: boolean) =>
    void callBackground('bg:announcement-done', { id, acknowledged }).then(props.onDone);
  return (
    <section className="announcements" aria-label={t('panel.announcements.label')}>
      {props.announcements.value.map((a) => (
        <article key={a.id} className="announcement" data-announcement={a.id}>
          <p className="kicker">
            {t('panel.announcements.label')} ·{' '}
            {t('panel.announcements.until', { date: formatDay(a.endsAt, locale) })}
          </p>
          <h2>{a.title}</h2>
          <MarkdownBody source={a.body} />
          <button
            type="button"
            className="button primary"
            onClick={() => done(a.id, a.acknowledge)}
          >
            {t(a.acknowledge ? 'panel.announcements.acknowledge' : 'panel.announcements.gotIt')}
          </button>
        </article>
      ))}
    </section>
  );
}
