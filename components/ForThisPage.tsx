import { useShownReport } from '@/hooks/use-insights';
import type { PageItems } from '@/lib/messages';
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
  // Insights: the suggestions listed for this page (counted per item, screen and day).
  useShownReport(
    tabId,
    JSON.stringify(page.detection),
    [...page.relevant, ...page.more].map((item) => item.id),
  );
  if (page.detection?.app == null) {
    return (
      <p className="muted">
        This tab is not one of the apps Waymark knows. Search still works: use the Search tab.
      </p>
    );
  }
  const { record } = page.detection;
  const where = [page.appName, page.screenName, record ? `${record.type} ${record.id}` : '']
    .filter(Boolean)
    .join(' · ');
  const subject = page.detection.context.subject;
  const nothing = page.relevant.length === 0 && page.more.length === 0;
  return (
    <section aria-label="For this page">
      <p className="where">{where}</p>
      {page.launcherHidden && (
        <p className="notice">
          You hid the Waymark launcher on this site.{' '}
          <button type="button" className="link-button" onClick={onShowLauncher}>
            Show it again
          </button>
        </p>
      )}
      {page.relevant.length > 0 ? (
        <section className="group" aria-labelledby="relevant-heading">
          <h2 id="relevant-heading" className="group-title">
            {record ? `For this ${record.type}` : 'For this screen'}
          </h2>
          <ItemList items={page.relevant} onOpen={onOpen} label="Relevant now" />
        </section>
      ) : (
        !nothing &&
        subject !== undefined && (
          <p className="muted">
            Nothing matches “{subject}” closely. Here is what there is for this screen.
          </p>
        )
      )}
      {page.more.length > 0 && (
        <section className="group" aria-labelledby="more-heading">
          <h2 id="more-heading" className="group-title">
            More for this screen
          </h2>
          <ItemList items={page.more} onOpen={onOpen} label="More for this screen" />
        </section>
      )}
      {nothing && (
        <p className="muted">Nothing is published for this screen yet. Try Search, or ask below.</p>
      )}
      {page.hiddenTips.length > 0 && (
        <section className="group" aria-labelledby="hidden-heading">
          <h2 id="hidden-heading" className="group-title">
            Tips you hid on this screen
          </h2>
          <ul className="hidden-tips">
            {page.hiddenTips.map((tip) => (
              <li key={tip.id}>
                <span>{tip.title}</span>
                <button type="button" className="button" onClick={() => onShowTip(tip.id)}>
                  Show again
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <RequestContent tabId={tabId} query={subject ?? ''} prompt="Not what you need?" />
    </section>
  );
}
