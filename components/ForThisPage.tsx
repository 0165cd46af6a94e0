import { useShownReport } from '@/hooks/use-insights';
import type { PageItems } from '@/lib/messages';
import { useT } from './I18nProvider';
import { ItemList } from './ItemList';
import { RequestContent } from './RequestContent';

interface Props {
  page: PageItems;
  tabId: number | undefined;
  onOpen: (id: string) => void;
  onShowTip: (id: string) => void;
  onShowLauncher: () => void;
}

/**
 * What fits the page: the few strong matches for this record first, each saying why, then more
 * for this screen, then tips the learner hid ("Show again").
 */
export function ForThisPage({ page, tabId, onOpen, onShowTip, onShowLauncher }: Props) {
  const t = useT();
  // Insights: the suggestions listed for this page (counted per item, screen and day).
  useShownReport(
    tabId,
    JSON.stringify(page.detection),
    [...page.relevant, ...page.more].map((item) => item.id),
  );
  if (page.detection?.app == null) {
    return <p className="muted">{t('forPage.notKnown')}</p>;
  }
  const { record } = page.detection;
  const where = [page.appName, page.screenName, record ? `${record.type} ${record.id}` : '']
    .filter(Boolean)
    .join(t('common.join'));
  const subject = page.detection.context.subject;
  const nothing = page.relevant.length === 0 && page.more.length === 0;
  return (
    <section aria-label={t('forPage.label')}>
      <p className="where">{where}</p>
      {page.launcherHidden && (
        <p className="notice">
          {t('forPage.launcherHidden')}{' '}
          <button type="button" className="link-button" onClick={onShowLauncher}>
            {t('forPage.showLauncher')}
          </button>
        </p>
      )}
      {page.relevant.length > 0 ? (
        <section className="group" aria-labelledby="relevant-heading">
          <h2 id="relevant-heading" className="group-title">
            {record ? t('forPage.forRecord', { record: record.type }) : t('forPage.forScreen')}
          </h2>
          <ItemList items={page.relevant} onOpen={onOpen} label={t('forPage.relevant')} />
        </section>
      ) : (
        !nothing &&
        subject !== undefined && <p className="muted">{t('forPage.nothingClose', { subject })}</p>
      )}
      {page.more.length > 0 && (
        <section className="group" aria-labelledby="more-heading">
          <h2 id="more-heading" className="group-title">
            {t('forPage.more')}
          </h2>
          <ItemList items={page.more} onOpen={onOpen} label={t('forPage.more')} />
        </section>
      )}
      {nothing && <p className="muted">{t('forPage.nothing')}</p>}
      {page.hiddenTips.length > 0 && (
        <section className="group" aria-labelledby="hidden-heading">
          <h2 id="hidden-heading" className="group-title">
            {t('forPage.hiddenTips')}
          </h2>
          <ul className="hidden-tips">
            {page.hiddenTips.map((tip) => (
              <li key={tip.id}>
                <span>{tip.title}</span>
                <button type="button" className="button" onClick={() => onShowTip(tip.id)}>
                  {t('forPage.showAgain')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <RequestContent tabId={tabId} query={subject ?? ''} prompt={t('forPage.notWhat')} />
    </section>
  );
}
